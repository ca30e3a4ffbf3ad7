package io.paperstream.schemas;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the digests print dates, shared by the splitter (page dates) and the processor (entry
 * dates) so that both read a year-less date the same way.
 */
public final class PrintedDates {

  /** How far back a year-less Feb 29 may go to find a leap year. */
  private static final int MAX_YEARS_BACK = 8;

  private static final Map<String, Month> MONTHS = monthNames();

  private PrintedDates() {}

  /** A month by its English name or three-letter abbreviation ({@code Sept} too), any case. */
  public static Optional<Month> month(String name) {
    return Optional.ofNullable(MONTHS.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * The day a year-less date printed on a page dated {@code pageDate} stands for: the latest
   * such day on or before the page date, i.e. the page's year, or the year before when that day
   * would come after the page date (a page dated Jan 3 listing {@code Dec 30} means last year's
   * Dec 30). A {@code Feb 29} goes back to the latest leap year, since the site printed a real
   * day.
   */
  public static Optional<LocalDate> latestOnOrBefore(MonthDay monthDay, LocalDate pageDate) {
    for (int y = pageDate.getYear(); y >= pageDate.getYear() - MAX_YEARS_BACK; y--) {
      if (monthDay.isValidYear(y) && !monthDay.atYear(y).isAfter(pageDate)) {
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
