package io.paperstream.schemas;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The key of {@code keyword-daily-counts} and of the processor's count stores:
 * {@code keyword|YYYY-MM-DD} (and, in the by-date index, {@code YYYY-MM-DD|keyword}). The one
 * place that writes or reads it, so producers and queries never disagree on the separator.
 *
 * <p>A keyword may itself contain the separator: the date is always the last (or, by date, the
 * first) ten characters, so decoding splits there.
 */
public record KeywordDateKey(String keyword, LocalDate date) implements Comparable<KeywordDateKey> {

  public static final char SEPARATOR = '|';
  private static final int DATE_LENGTH = 10;

  public KeywordDateKey {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(date, "date");
  }

  public static KeywordDateKey of(String keyword, LocalDate date) {
    return new KeywordDateKey(keyword, date);
  }

  /** {@code keyword|YYYY-MM-DD}. */
  public String encode() {
    return keyword + SEPARATOR + date;
  }

  /** {@code YYYY-MM-DD|keyword}: the by-date index key, which sorts a date's keywords together. */
  public String encodeByDate() {
    return date.toString() + SEPARATOR + keyword;
  }

  /** The key {@link #encode()} wrote. */
  public static KeywordDateKey decode(String key) {
    int split = key.length() - DATE_LENGTH - 1;
    if (split < 0 || key.charAt(split) != SEPARATOR) {
      throw new IllegalArgumentException("not a keyword|date key: '" + key + "'");
    }
    return new KeywordDateKey(key.substring(0, split), parseDate(key, split + 1));
  }

  /** The key {@link #encodeByDate()} wrote. */
  public static KeywordDateKey decodeByDate(String key) {
    if (key.length() <= DATE_LENGTH || key.charAt(DATE_LENGTH) != SEPARATOR) {
      throw new IllegalArgumentException("not a date|keyword key: '" + key + "'");
    }
    return new KeywordDateKey(key.substring(DATE_LENGTH + 1), parseDate(key, 0));
  }

  /** The keyword of an encoded {@code keyword|date} key, without parsing the date. */
  public static String keywordOf(String key) {
    return key.substring(0, key.length() - DATE_LENGTH - 1);
  }

  /** Every key of {@code keyword} in a range scan starts with this. */
  public static String keywordPrefix(String keyword) {
    return keyword + SEPARATOR;
  }

  /** Every by-date key of {@code date} in a range scan starts with this. */
  public static String datePrefix(LocalDate date) {
    return date.toString() + SEPARATOR;
  }

  /**
   * The ISO date at {@code from}: read digit by digit (the trends decode many keys per second,
   * and {@link LocalDate#parse} is the slow part of that); anything else goes to
   * {@link LocalDate#parse}, which says what is wrong.
   */
  private static LocalDate parseDate(String key, int from) {
    if (key.charAt(from + 4) == '-' && key.charAt(from + 7) == '-') {
      int year = digits(key, from, 4);
      int month = digits(key, from + 5, 2);
      int day = digits(key, from + 8, 2);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(key.substring(from, from + DATE_LENGTH));
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  @Override
  public int compareTo(KeywordDateKey other) {
    int byKeyword = keyword.compareTo(other.keyword);
    return byKeyword != 0 ? byKeyword : date.compareTo(other.date);
  }
}
