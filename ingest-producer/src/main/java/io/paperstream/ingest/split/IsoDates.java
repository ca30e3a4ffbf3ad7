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
