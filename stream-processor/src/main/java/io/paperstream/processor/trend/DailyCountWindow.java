package io.paperstream.processor.trend;

import io.paperstream.schemas.KeywordDateKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The daily counts of a span of days, read from the by-date store in one range scan and held in
 * memory while the trends of the dates in it are computed. One scan per span replaces two range
 * scans per keyword per date (each a RocksDB iterator), which is what the trends cost before.
 */
final class DailyCountWindow {

  private final long firstDay;
  private final List<Map<String, Long>> byDay;
  /** Every keyword's count of each day added up: the day's mentions, summed once at the read. */
  private final long[] dayTotals;

  private DailyCountWindow(LocalDate from, LocalDate to) {
    this.firstDay = from.toEpochDay();
    int days = (int) (to.toEpochDay() - firstDay + 1);
    this.byDay = new ArrayList<>(Collections.nCopies(days, Map.of()));
    this.dayTotals = new long[days];
  }

  /** Every count of the days {@code from} … {@code to}, both included. */
  static DailyCountWindow read(KeyValueStore<String, Long> byDate, LocalDate from, LocalDate to) {
    DailyCountWindow window = new DailyCountWindow(from, to);
    // date|keyword keys sort by date: the scan ends before the first key of the day after `to`
    try (KeyValueIterator<String, Long> days =
        byDate.range(KeywordDateKey.datePrefix(from), KeywordDateKey.datePrefix(to.plusDays(1)))) {
      while (days.hasNext()) {
        KeyValue<String, Long> kv = days.next();
        KeywordDateKey key = KeywordDateKey.decodeByDate(kv.key);
        int day = window.index(key.date());
        if (day >= 0 && day < window.byDay.size()) {
          if (window.byDay.get(day).isEmpty()) {
            window.byDay.set(day, new HashMap<>());
          }
          window.byDay.get(day).put(key.keyword(), kv.value);
          window.dayTotals[day] += kv.value;
        }
      }
    }
    return window;
  }

  /** Keyword → count on {@code day}; empty when the day has none (or lies outside the window). */
  Map<String, Long> on(LocalDate day) {
    int index = index(day);
    return index >= 0 && index < byDay.size() ? byDay.get(index) : Map.of();
  }

  /** The papers with {@code keyword} over {@code from} … {@code to}, both included. */
  long sum(String keyword, LocalDate from, LocalDate to) {
    long total = 0;
    for (int day = Math.max(0, index(from)); day <= Math.min(byDay.size() - 1, index(to)); day++) {
      total += byDay.get(day).getOrDefault(keyword, 0L);
    }
    return total;
  }

  /** Every keyword's papers over {@code from} … {@code to}, both included, added up (a paper counts once per keyword). */
  long mentions(LocalDate from, LocalDate to) {
    long total = 0;
    for (int day = Math.max(0, index(from)); day <= Math.min(byDay.size() - 1, index(to)); day++) {
      total += dayTotals[day];
    }
    return total;
  }

  /** Keyword → its papers over {@code from} … {@code to}, for every keyword with a count there: one pass over the days. */
  Map<String, Long> sums(LocalDate from, LocalDate to) {
    Map<String, Long> sums = new HashMap<>();
    for (int day = Math.max(0, index(from)); day <= Math.min(byDay.size() - 1, index(to)); day++) {
      byDay.get(day).forEach((keyword, count) -> sums.merge(keyword, count, Long::sum));
    }
    return sums;
  }

  private int index(LocalDate day) {
    return (int) (day.toEpochDay() - firstDay);
  }
}
