package io.paperstream.ingest.split;

import io.paperstream.schemas.PrintedDates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as the site prints it on text renderings: {@code Mar 13}, {@code Sep 29, 2023}, optionally
 * followed by the entry's upvote count ({@code Sep 29, 2023 1}).
 *
 * @param text the date exactly as printed, without the trailing count
 * @param monthDay month and day
 * @param year the printed year, or null when the page leaves it out
 * @param trailingCount the number printed after the date (the upvotes), or null
 */
record PrintedDate(String text, MonthDay monthDay, Integer year, Integer trailingCount) {

  private static final Pattern DATE = Pattern.compile(
      "(?<month>[A-Za-z]{3,9})\\.?\\s+(?<day>\\d{1,2})(?:,\\s*(?<year>\\d{4}))?(?:\\s+(?<count>\\d{1,7}))?");

  private static final int MAX_LENGTH = 64;

  static Optional<PrintedDate> parse(String line) {
    if (line.length() > MAX_LENGTH) {
      return Optional.empty(); // "September 30, 2024 1234567" is 26; nothing longer is a date
    }
    Matcher m = DATE.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Month month = PrintedDates.month(m.group("month")).orElse(null);
    if (month == null) {
      return Optional.empty();
    }
    MonthDay monthDay;
    try {
      monthDay = MonthDay.of(month, Integer.parseInt(m.group("day")));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    String year = m.group("year");
    String count = m.group("count");
    int textEnd = year != null ? m.end("year") : m.end("day");
    return Optional.of(new PrintedDate(line.strip().substring(0, textEnd), monthDay,
        year == null ? null : Integer.valueOf(year), count == null ? null : Integer.valueOf(count)));
  }

  /**
   * The calendar date: the printed year if there is one, else the latest such day not after
   * {@code asOf} (a page dated {@code Dec 29} read on Jan 5 is from the year before).
   */
  Optional<LocalDate> resolve(LocalDate asOf) {
    if (year != null) {
      return monthDay.isValidYear(year) ? Optional.of(monthDay.atYear(year)) : Optional.empty();
    }
    return PrintedDates.latestOnOrBefore(monthDay, asOf);
  }

}
