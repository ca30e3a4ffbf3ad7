package io.paperstream.processor.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Dates whose answer a count change moved, to recompute once per punctuation instead of once per
 * change. The marks live in a store, so a crash between a change and the punctuation loses none;
 * a copy in memory spares the store a mark it already holds (in a backfill, most of them).
 */
final class MarkedDates {

  private final KeyValueStore<String, String> store;
  private final Set<LocalDate> marked = new HashSet<>();
  /** The last run of days {@link #markDays} marked, while no drain has unmarked any: a repeat costs nothing. */
  private LocalDate lastRunFrom;
  private int lastRunDays;
  /** Where a drain that ran out of time stopped: the next one starts there, so no date waits forever. */
  private LocalDate resumeAt = LocalDate.MIN;

  /** Over the processor's store of marks; make a new one at each processor init. */
  MarkedDates(KeyValueStore<String, String> store) {
    this.store = store;
  }

  void mark(LocalDate date) {
    if (marked.add(date)) {
      store.put(date.toString(), "");
    }
  }

  /**
   * Marks {@code days} dates from {@code from} on. The counts of one paper change share its date,
   * so in a row of changes most ask for the run just marked.
   */
  void markDays(LocalDate from, int days) {
    if (days == lastRunDays && from.equals(lastRunFrom)) {
      return;
    }
    for (int day = 0; day < days; day++) {
      mark(from.plusDays(day));
    }
    lastRunFrom = from;
    lastRunDays = days;
  }

  /**
   * Whether every date from {@code from} to {@code to} is marked already: then a change needs
   * no look at which of them it moves (in a backfill, a range scan spared per count change).
   */
  boolean allMarked(LocalDate from, LocalDate to) {
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      if (!marked.contains(date)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Hands marked dates in order, each with {@code counts} moved to it, to {@code recompute} and
   * unmarks each, until every date is done or {@code outOfTime} says to stop: the rest stay
   * marked for the next drain, which starts where this one stopped and wraps around to the oldest.
   *
   * @param counts read afresh for this drain (the counts changed since the last)
   */
  void drain(RollingCounts counts, BooleanSupplier outOfTime, BiConsumer<LocalDate, RollingCounts> recompute) {
    lastRunFrom = null;
    List<LocalDate> dates = new ArrayList<>();
    try (KeyValueIterator<String, String> all = store.all()) {
      all.forEachRemaining(kv -> dates.add(LocalDate.parse(kv.key)));
    }
    Collections.sort(dates);
    int resume = 0;
    while (resume < dates.size() && dates.get(resume).isBefore(resumeAt)) {
      resume++;
    }
    Collections.rotate(dates, -resume);
    for (LocalDate date : dates) {
      if (outOfTime.getAsBoolean()) {
        resumeAt = date;
        return;
      }
      counts.moveTo(date);
      recompute.accept(date, counts);
      store.delete(date.toString());
      marked.remove(date);
    }
    resumeAt = LocalDate.MIN;
  }
}
