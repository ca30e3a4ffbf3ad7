package io.paperstream.processor.normalize;

import io.paperstream.schemas.PrintedDates;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as a digest page prints it: {@code Mar 6, 2021}, {@code Mar 6 2021},
 * {@code March 6, 2021}, {@code 6 March 2021}, the year-less {@code Jul 30}, or ISO
 * {@code 2021-03-06} (an ISO date-time is taken at UTC).
 *
 * <p>A year-less date belongs to the page: it is the latest such day on or before the page's
 * date, i.e. the page's year, or the year before when that day would come after the page date
 * (a page dated Jan 3 listing {@code Dec 30} lists last year's Dec 30). A year-less
 * {@code Feb 29} goes back to the latest leap year on or before the page date, since the site
 * printed a real day; this is the rule the ingest producer uses for page dates too. Stateless
 * and thread-safe.
 */
public final class DateResolver {

  private static final Pattern ISO = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})([Tt ].+)?");
  private static final Pattern MONTH_FIRST = Pattern.compile(
      "(?<month>\\p{L}{3,9})\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?:(?:\\s*,\\s*|\\s+)(?<year>\\d{4}))?");
  private static final Pattern DAY_FIRST = Pattern.compile(
      "(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>\\p{L}{3,9})\\.?(?:(?:\\s*,\\s*|\\s+)(?<year>\\d{4}))?");

  /**
   * The calendar date {@code dateText} stands for; {@code null} when there is no text.
   *
   * @param dateText the date as printed
   * @param pageDate the date of the page it was printed on; needed only when the text has no year
   * @throws NormalizationException when the text is not a date, names a day that does not exist,
   *     or has no year and there is no page date to take one from
   */
  public LocalDate resolve(String dateText, LocalDate pageDate) throws NormalizationException {
    if (dateText == null || dateText.isBlank()) {
      return null;
    }
    String text = dateText.strip().replaceAll("\\s+", " ");
    Matcher iso = ISO.matcher(text);
    if (iso.matches()) {
      return iso(text, iso.group(1), iso.group(2) != null);
    }
    Matcher m = MONTH_FIRST.matcher(text);
    if (!m.matches()) {
      m = DAY_FIRST.matcher(text);
      if (!m.matches()) {
        throw new NormalizationException("not a date: " + NormalizationException.quote(dateText));
      }
    }
    Month month = PrintedDates.month(m.group("month")).orElse(null);
    if (month == null) {
      throw new NormalizationException("not a date (unknown month): " + NormalizationException.quote(dateText));
    }
    MonthDay monthDay;
    try {
      monthDay = MonthDay.of(month, Integer.parseInt(m.group("day")));
    } catch (DateTimeException e) {
      throw new NormalizationException("no such day: " + NormalizationException.quote(dateText), e);
    }
    String year = m.group("year");
    if (year != null) {
      int y = Integer.parseInt(year);
      if (!monthDay.isValidYear(y)) {
        throw new NormalizationException("no such day: " + NormalizationException.quote(dateText));
      }
      return monthDay.atYear(y);
    }
    if (pageDate == null) {
      throw new NormalizationException("date " + NormalizationException.quote(dateText)
          + " has no year and there is no page date to take it from");
    }
    // the fallback is unreachable for real calendars: some leap year lies within any eight years
    return PrintedDates.latestOnOrBefore(monthDay, pageDate).orElseThrow(() -> new NormalizationException(
        "no year near " + pageDate + " has " + NormalizationException.quote(dateText)));
  }

  private static LocalDate iso(String text, String datePart, boolean hasTime) throws NormalizationException {
    try {
      if (!hasTime) {
        return LocalDate.parse(datePart);
      }
      String t = text.replace(' ', 'T');
      try {
        return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
      } catch (DateTimeParseException notOffset) {
        try {
          return Instant.parse(t).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException notInstant) {
          return LocalDateTime.parse(t).toLocalDate(); // no zone given: the printed day
        }
      }
    } catch (DateTimeParseException e) {
      throw new NormalizationException("not a date: " + NormalizationException.quote(text), e);
    }
  }

}
