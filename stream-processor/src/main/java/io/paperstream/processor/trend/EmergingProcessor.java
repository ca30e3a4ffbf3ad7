package io.paperstream.processor.trend;

import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.KeywordEmergence;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the emerging keywords of every date ({@link EmergingKeywords}) from the stream of changed
 * daily counts, beside the {@link TrendProcessor} in the counter's single-partition task, reading
 * the same count stores.
 *
 * <p>A count on day d moves the window or the history of every date from d to d + 62, and, through
 * the mentions of the period, every keyword's test on them: those dates are marked in a store (a
 * crash loses no mark) and recomputed once per punctuation. Whether a keyword is NEW also reads
 * its first day, which may lie before that span: a change of that first day marks the dates
 * whose answer it flips too, so the answers depend on the final counts alone, never on the order
 * the counts came in (a crash and a replay interleave them differently). A date's result is kept in a store
 * (which the query API reads) and forwarded only when it changed; a date without emerging
 * keywords is a tombstone. Each punctuation works within a {@link PunctuationBudget}: in a
 * backfill the dates it had no time for stay marked for the next one.
 */
public final class EmergingProcessor implements Processor<String, Long, String, KeywordEmergence> {

  /** The last day a key can encode in its ten characters: the end of a keyword's range scan. */
  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  private final Stores stores;
  private final EmergingKeywords emerging;
  private final Duration emitInterval;
  private final PunctuationBudget budget;
  private ProcessorContext<String, KeywordEmergence> context;
  private KeyValueStore<String, Long> byKeyword;
  private KeyValueStore<String, Long> byDate;
  private MarkedDates marks;
  private KeyValueStore<String, KeywordEmergence> results;

  /** The stores it reads (the counter's two) and keeps (its marks and its results). */
  public record Stores(String byKeyword, String byDate, String dirtyDates, String results) {}

  /** With the default {@link PunctuationBudget.Limits}. */
  public EmergingProcessor(Stores stores, EmergingOptions options, Duration emitInterval) {
    this(stores, options, emitInterval, PunctuationBudget.Limits.defaults().budget());
  }

  /** @param budget bounds each punctuation's work; a new one per processor instance */
  public EmergingProcessor(Stores stores, EmergingOptions options, Duration emitInterval, PunctuationBudget budget) {
    this.stores = stores;
    this.emerging = new EmergingKeywords(options);
    this.emitInterval = emitInterval;
    this.budget = budget;
  }

  @Override
  public void init(ProcessorContext<String, KeywordEmergence> context) {
    this.context = context;
    this.byKeyword = context.getStateStore(stores.byKeyword());
    this.byDate = context.getStateStore(stores.byDate());
    this.marks = new MarkedDates(context.getStateStore(stores.dirtyDates()));
    this.results = context.getStateStore(stores.results());
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> budget.punctuate(now, this::emitDirty));
  }

  /** Key {@code keyword|YYYY-MM-DD}, already counted in the stores; value the count, or null at zero. */
  @Override
  public void process(Record<String, Long> record) {
    budget.recordArrived();
    KeywordDateKey changed = KeywordDateKey.decode(record.key());
    marks.markDays(changed.date(), EmergingKeywords.LOOK_BACK + 1);
    // counts move by one paper at a time: a keyword gains or loses a day (the only change that can
    // move its first day) when a count becomes 1 or falls to zero, never when it goes 2 → 3
    if (record.value() == null || record.value() <= 1) {
      markWhereFirstDayMoved(changed.keyword(), changed.date());
    }
  }

  /**
   * A count on the keyword's first day {@code x} (added there, or the last one there gone) moves
   * its first day between x and its next day n, which flips {@link #seenBefore} on the dates
   * x + 63 … n + 62. Of those, the keyword can be NEW (papers in the window, none in the
   * history within reach) only on n … n + 6: the dates to mark beyond the 63 the count marked.
   */
  private void markWhereFirstDayMoved(String keyword, LocalDate changed) {
    LocalDate next = null;
    // one scan of the keyword's days, in order: a day before x means x was not its first
    try (KeyValueIterator<String, Long> days = byKeyword.range(
        KeywordDateKey.keywordPrefix(keyword), KeywordDateKey.of(keyword, LAST_DAY).encode())) {
      while (next == null && days.hasNext()) {
        KeywordDateKey key = KeywordDateKey.decode(days.next().key);
        if (!key.keyword().equals(keyword)) {
          continue;
        }
        LocalDate day = key.date();
        if (day.isBefore(changed)) {
          return;
        }
        if (day.isAfter(changed)) {
          next = day;
        }
      }
    }
    if (next == null) {
      return;
    }
    LocalDate from = next.isAfter(changed.plusDays(EmergingKeywords.LOOK_BACK))
        ? next : changed.plusDays(EmergingKeywords.LOOK_BACK + 1);
    LocalDate to = next.plusDays(EmergingKeywords.WINDOW_DAYS - 1);
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      marks.mark(date);
    }
  }

  private void emitDirty(BooleanSupplier outOfTime) {
    marks.drain(new RollingCounts(byDate, EmergingKeywords.WINDOW_DAYS, EmergingKeywords.LOOK_BACK + 1), outOfTime,
        (date, counts) -> update(date, emerging.of(counts, date, this::seenBefore)));
  }

  private void update(LocalDate date, KeywordEmergence computed) {
    KeywordEmergence now = computed.getKeywords().isEmpty() ? null : computed;
    String key = date.toString();
    if (Objects.equals(results.get(key), now)) {
      return;
    }
    if (now == null) {
      results.delete(key);
    } else {
      results.put(key, now);
    }
    context.forward(new Record<>(key, now, context.currentSystemTimeMs()));
  }

  // one seek: the keyword's first count, if it lies before `day`
  private boolean seenBefore(String keyword, LocalDate day) {
    try (KeyValueIterator<String, Long> earlier = byKeyword.range(KeywordDateKey.keywordPrefix(keyword),
        KeywordDateKey.of(keyword, day.minusDays(1)).encode())) {
      return earlier.hasNext();
    }
  }
}
