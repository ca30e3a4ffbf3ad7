package io.paperstream.processor.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Dates whose answer a count change moved, to recompute once per punctuation instead of once per
 * change. The marks live in a store, so a crash between a change and the punctuation loses none;
 * a copy in memory spares the store a mark it already holds (in a backfill, most of them).
 */
final class MarkedDates {

  /** Marked dates recomputed from one read of the counts: bounds the memory of a recomputation. */
  static final int SPAN_DAYS = 31;

  private final KeyValueStore<String, String> store;
  private final Set<LocalDate> marked = new HashSet<>();

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
   * Hands every marked date, oldest first, with the counts of its span ({@link #SPAN_DAYS} dates
   * and the {@code lookBack} days before them, read once) to {@code recompute}, then unmarks it.
   */
  void drain(KeyValueStore<String, Long> byDate, int lookBack, BiConsumer<LocalDate, DailyCountWindow> recompute) {
    List<LocalDate> dates = new ArrayList<>();
    try (KeyValueIterator<String, String> all = store.all()) {
      all.forEachRemaining(kv -> dates.add(LocalDate.parse(kv.key)));
    }
    Collections.sort(dates);
    for (int first = 0; first < dates.size(); ) {
      LocalDate spanStart = dates.get(first);
      int end = first;
      while (end < dates.size() && !dates.get(end).isAfter(spanStart.plusDays(SPAN_DAYS - 1))) {
        end++;
      }
      DailyCountWindow window = DailyCountWindow.read(byDate, spanStart.minusDays(lookBack), dates.get(end - 1));
      for (LocalDate date : dates.subList(first, end)) {
        recompute.accept(date, window);
        store.delete(date.toString());
        marked.remove(date);
      }
      first = end;
    }
  }
}
