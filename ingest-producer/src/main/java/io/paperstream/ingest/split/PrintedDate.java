package io.paperstream.ingest.split;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

  private static final Map<String, Month> MONTHS = monthNames();

  /** How far back a year-less Feb 29 may be pushed to find a leap year. */
  private static final int MAX_YEARS_BACK = 8;

  static Optional<PrintedDate> parse(String line) {
    Matcher m = DATE.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Month month = MONTHS.get(m.group("month").toLowerCase(Locale.ROOT));
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
    for (int y = asOf.getYear(); y >= asOf.getYear() - MAX_YEARS_BACK; y--) {
      if (monthDay.isValidYear(y) && !monthDay.atYear(y).isAfter(asOf)) {
        return Optional.of(monthDay.atYear(y));
      }
    }
    return Optional.empty();
  }

  private static Map<String, Month> monthNames() {
    Map<String, Month> names = new HashMap<>();
    for (Month month : Month.values()) {
      String full = month.name().toLowerCase(Locale.ROOT);
      names.put(full, month);
      names.put(full.substring(0, 3), month);
    }
    names.put("sept", Month.SEPTEMBER);
    return Map.copyOf(names);
  }
}
