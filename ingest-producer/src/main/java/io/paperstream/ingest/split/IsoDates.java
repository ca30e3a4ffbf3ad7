package io.paperstream.ingest.split;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO dates and timestamps as structured pages give them, and page dates named by a page's address. */
final class IsoDates {

  private static final Pattern DATE_PARAM = Pattern.compile("[?&]date=(\\d{4}-\\d{2}-\\d{2})(?:[&#]|$)");
  private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4}-\\d{2}-\\d{2})(?!\\d)");

  private IsoDates() {}

  /** {@code 2024-06-05}, or the date part of a timestamp such as {@code 2024-06-05T03:21:00Z}. */
  static Optional<LocalDate> date(String text) {
    String s = text == null ? "" : text.strip();
    return s.length() < 10 ? Optional.empty() : validDate(s.substring(0, 10));
  }

  /** A timestamp with offset; one without is taken as UTC, a bare date as its UTC midnight. */
  static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = text.strip();
    Instant utc = utcTimestamp(s);
    if (utc != null) {
      return Optional.of(utc);
    }
    try {
      return Optional.of(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // fall through to the looser forms
    }
    try {
      return Optional.of(LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The API's own shape, {@code 2024-06-05T03:21:00.000Z} (or without the millis), read by hand:
   * the formatters cost more than the rest of an entry. Null for any other shape.
   */
  private static Instant utcTimestamp(String s) {
    int n = s.length();
    if ((n != 20 && n != 24) || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || (n == 24 && s.charAt(19) != '.')) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int millis = n == 24 ? digits(s, 20, 23) : 0;
    if (Math.min(Math.min(Math.min(year, month), Math.min(day, hour)), Math.min(Math.min(minute, second), millis)) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * The date a page's address names: a {@code date=YYYY-MM-DD} query parameter, else a
   * {@code YYYY-MM-DD} in the last path segment ({@code …/2024-06-05.json},
   * {@code /papers/date/2024-06-05}).
   */
  static Optional<LocalDate> fromSource(String source) {
    Matcher param = DATE_PARAM.matcher(source);
    if (param.find()) {
      return validDate(param.group(1));
    }
    String path = pathOf(source);
    String lastSegment = path.substring(path.lastIndexOf('/') + 1);
    Matcher inName = ISO_DATE.matcher(lastSegment);
    return inName.find() ? validDate(inName.group(1)) : Optional.empty();
  }

  private static String pathOf(String source) {
    try {
      String path = URI.create(source).getPath();
      if (path != null) {
        return withoutTrailingSlash(path);
      }
    } catch (IllegalArgumentException e) {
      // a plain file path or a sloppy URL: cut the query and fragment off by hand
    }
    int cut = source.length();
    for (char c : new char[] {'?', '#'}) {
      int at = source.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return withoutTrailingSlash(source.substring(0, cut));
  }

  private static String withoutTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Optional<LocalDate> validDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
