package io.paperstream.app;

import java.time.LocalDate;

/**
 * The key layout of the trend processor's stores, read in this one place: {@code date|keyword}
 * in the by-date store, {@code keyword|date} in the by-keyword store (dates are always 10
 * characters, so the split is by position and a keyword may hold any character).
 */
final class TrendStoreKeys {

  static final String SEP = "|";
  private static final int DATE_LENGTH = 10;

  private TrendStoreKeys() {}

  /** The first by-date key of {@code day}. */
  static String dateLower(LocalDate day) {
    return day + SEP;
  }

  /** A by-date bound just after every key of {@code day}. */
  static String dateUpperExclusive(LocalDate day) {
    return day.plusDays(1).toString();
  }

  static LocalDate dateOfByDate(String key) {
    return LocalDate.parse(key.substring(0, DATE_LENGTH));
  }

  static String keywordOfByDate(String key) {
    return key.substring(DATE_LENGTH + 1);
  }

  static String byKeyword(String keyword, LocalDate day) {
    return keyword + SEP + day;
  }

  static LocalDate dateOfByKeyword(String key) {
    return LocalDate.parse(key.substring(key.length() - DATE_LENGTH));
  }
}
