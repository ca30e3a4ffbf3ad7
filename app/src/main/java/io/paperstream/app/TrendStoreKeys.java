package io.paperstream.app;

import io.paperstream.schemas.KeywordDateKey;
import java.time.LocalDate;

/**
 * The key layout of the trend processor's stores, as the queries use it: {@code date|keyword}
 * in the by-date store, {@code keyword|date} in the by-keyword store. Encoding and decoding are
 * {@link KeywordDateKey}'s, the one definition the processor writes with.
 */
final class TrendStoreKeys {

  private TrendStoreKeys() {}

  /** The first by-date key of {@code day}. */
  static String dateLower(LocalDate day) {
    return KeywordDateKey.datePrefix(day);
  }

  /** A by-date bound just after every key of {@code day}. */
  static String dateUpperExclusive(LocalDate day) {
    return KeywordDateKey.datePrefix(day.plusDays(1));
  }

  static LocalDate dateOfByDate(String key) {
    return KeywordDateKey.decodeByDate(key).date();
  }

  static String keywordOfByDate(String key) {
    return KeywordDateKey.decodeByDate(key).keyword();
  }

  static String byKeyword(String keyword, LocalDate day) {
    return KeywordDateKey.of(keyword, day).encode();
  }

  static LocalDate dateOfByKeyword(String key) {
    return KeywordDateKey.decode(key).date();
  }
}
