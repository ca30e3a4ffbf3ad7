package io.paperstream.processor.trend;

import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.KeywordEmergence;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
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
 * crash loses no mark) and recomputed once per punctuation. A date's result is kept in a store
 * (which the query API reads) and forwarded only when it changed; a date without emerging
 * keywords is a tombstone.
 */
public final class EmergingProcessor implements Processor<String, Long, String, KeywordEmergence> {

  private final Stores stores;
  private final EmergingKeywords emerging;
  private final Duration emitInterval;
  private ProcessorContext<String, KeywordEmergence> context;
  private KeyValueStore<String, Long> byKeyword;
  private KeyValueStore<String, Long> byDate;
  private MarkedDates marks;
  private KeyValueStore<String, KeywordEmergence> results;

  /** The stores it reads (the counter's two) and keeps (its marks and its results). */
  public record Stores(String byKeyword, String byDate, String dirtyDates, String results) {}

  public EmergingProcessor(Stores stores, EmergingOptions options, Duration emitInterval) {
    this.stores = stores;
    this.emerging = new EmergingKeywords(options);
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, KeywordEmergence> context) {
    this.context = context;
    this.byKeyword = context.getStateStore(stores.byKeyword());
    this.byDate = context.getStateStore(stores.byDate());
    this.marks = new MarkedDates(context.getStateStore(stores.dirtyDates()));
    this.results = context.getStateStore(stores.results());
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitDirty());
  }

  /** Key {@code keyword|YYYY-MM-DD}, already counted in the stores. */
  @Override
  public void process(Record<String, Long> record) {
    LocalDate changed = KeywordDateKey.decode(record.key()).date();
    for (int day = 0; day <= EmergingKeywords.LOOK_BACK; day++) {
      marks.mark(changed.plusDays(day));
    }
  }

  private void emitDirty() {
    marks.drain(byDate, EmergingKeywords.LOOK_BACK,
        (date, window) -> update(date, emerging.of(window, date, this::seenBefore)));
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
