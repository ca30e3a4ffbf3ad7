package io.paperstream.processor.trend;

import io.paperstream.schemas.KeywordDateKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The daily counts around a date that moves forward, with each keyword's papers over the last
 * few spans of days (e.g. the 7 and the 63 ending on the date) kept as running sums: moving on by
 * a day adds the new day's counts and takes off those of the days that leave each span, so a
 * run of marked dates costs one pass over their days, not one over every day of every window.
 * Days are read from the by-date store a chunk at a time, each once while the dates go forward
 * (a date before the current one, or far past it, starts over). Memory: the longest span's days
 * and one chunk.
 */
final class RollingCounts {

  /** Days read from the store in one range scan ahead of the date. */
  static final int READ_AHEAD_DAYS = 31;

  private final KeyValueStore<String, Long> byDate;
  private final int[] spans;
  private final int longest;
  /** The counts of the longest span's days, by epoch day modulo its length. */
  private final Map<String, Long>[] days;
  private final long[] dayTotals;
  private final Map<String, Long>[] sums;
  private final long[] totals;
  private long current = Long.MIN_VALUE;
  private final List<Map<String, Long>> ahead = new ArrayList<>();
  private long aheadFrom;

  /** @param spans the lengths in days, ending on the date, whose sums are kept */
  @SuppressWarnings("unchecked")
  RollingCounts(KeyValueStore<String, Long> byDate, int... spans) {
    this.byDate = byDate;
    this.spans = spans.clone();
    this.longest = Arrays.stream(spans).max().orElseThrow();
    this.days = new Map[longest];
    this.dayTotals = new long[longest];
    this.sums = new Map[spans.length];
    this.totals = new long[spans.length];
  }

  /** Makes {@code date} the last day of every span. */
  void moveTo(LocalDate date) {
    long target = date.toEpochDay();
    if (current == Long.MIN_VALUE || target < current || target - current > longest) {
      Arrays.fill(days, Map.of());
      Arrays.fill(dayTotals, 0);
      for (int span = 0; span < spans.length; span++) {
        sums[span] = new HashMap<>();
        totals[span] = 0;
      }
      current = target - longest;
    }
    while (current < target) {
      add(current + 1);
    }
  }

  /** Keyword → its count on the date. */
  Map<String, Long> onDate() {
    return days[slot(current)];
  }

  /** Keyword → its papers over the {@code span} days ending on the date, for every keyword with any. */
  Map<String, Long> sums(int span) {
    return sums[index(span)];
  }

  /** One keyword's papers over the {@code span} days ending on the date. */
  long sum(int span, String keyword) {
    return sums[index(span)].getOrDefault(keyword, 0L);
  }

  /** Every keyword's papers over the {@code span} days ending on the date, added up (a paper counts once per keyword). */
  long total(int span) {
    return totals[index(span)];
  }

  private void add(long day) {
    Map<String, Long> entering = read(day);
    long enteringTotal = total(entering);
    for (int span = 0; span < spans.length; span++) {
      int leaving = slot(day - spans[span]);
      Map<String, Long> sum = sums[span];
      days[leaving].forEach((keyword, count) ->
          sum.computeIfPresent(keyword, (k, total) -> total - count == 0 ? null : total - count));
      entering.forEach((keyword, count) -> sum.merge(keyword, count, Long::sum));
      totals[span] += enteringTotal - dayTotals[leaving];
    }
    days[slot(day)] = entering;
    dayTotals[slot(day)] = enteringTotal;
    current = day;
  }

  private Map<String, Long> read(long day) {
    if (day < aheadFrom || day >= aheadFrom + ahead.size()) {
      readAhead(day);
    }
    return ahead.get((int) (day - aheadFrom));
  }

  private void readAhead(long from) {
    ahead.clear();
    for (int day = 0; day < READ_AHEAD_DAYS; day++) {
      ahead.add(Map.of());
    }
    aheadFrom = from;
    LocalDate first = LocalDate.ofEpochDay(from);
    // date|keyword keys sort by date: the scan ends before the first key of the day after the chunk
    try (KeyValueIterator<String, Long> counts = byDate.range(KeywordDateKey.datePrefix(first),
        KeywordDateKey.datePrefix(first.plusDays(READ_AHEAD_DAYS)))) {
      while (counts.hasNext()) {
        KeyValue<String, Long> kv = counts.next();
        KeywordDateKey key = KeywordDateKey.decodeByDate(kv.key);
        int day = (int) (key.date().toEpochDay() - from);
        if (day >= 0 && day < READ_AHEAD_DAYS) {
          if (ahead.get(day).isEmpty()) {
            ahead.set(day, new HashMap<>());
          }
          ahead.get(day).put(key.keyword(), kv.value);
        }
      }
    }
  }

  private int slot(long day) {
    return (int) Math.floorMod(day, (long) longest);
  }

  private int index(int span) {
    for (int i = 0; i < spans.length; i++) {
      if (spans[i] == span) {
        return i;
      }
    }
    throw new IllegalArgumentException("no running sum over " + span + " days; kept: " + Arrays.toString(spans));
  }

  private static long total(Map<String, Long> counts) {
    long total = 0;
    for (long count : counts.values()) {
      total += count;
    }
    return total;
  }
}
