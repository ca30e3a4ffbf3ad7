package io.paperstream.processor.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sums the vocabulary deltas of every paper ({@link VocabularyLessons}) into counts per phrase,
 * on a single partition, and emits the changed phrases once per interval, not once per paper:
 * a backfill of thousands of papers writes each phrase a few times. The phrases to emit are kept
 * in a store, so a crash between update and emission loses none.
 */
final class VocabularyCounter implements Processor<String, String, String, String> {

  private final String countsStore;
  private final String dirtyStore;
  private final Duration emitInterval;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> counts;
  private KeyValueStore<String, String> dirty;

  VocabularyCounter(String countsStore, String dirtyStore, Duration emitInterval) {
    this.countsStore = countsStore;
    this.dirtyStore = dirtyStore;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.counts = context.getStateStore(countsStore);
    this.dirty = context.getStateStore(dirtyStore);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitDirty());
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.value() == null) {
      return;
    }
    for (String line : record.value().split("\n")) {
      if (line.length() < 3) {
        continue;
      }
      long delta = line.charAt(0) == '-' ? -1 : 1;
      boolean chosen = line.charAt(1) == 'c';
      String phrase = line.substring(3);
      VocabularyCounts updated = VocabularyCounts.parse(counts.get(phrase))
          .plus(chosen ? delta : 0, chosen ? 0 : delta);
      if (updated.isEmpty()) {
        counts.delete(phrase);
      } else {
        counts.put(phrase, updated.encode());
      }
      dirty.put(phrase, "");
    }
  }

  private void emitDirty() {
    List<String> phrases = new ArrayList<>();
    try (KeyValueIterator<String, String> all = dirty.all()) {
      all.forEachRemaining(kv -> phrases.add(kv.key));
    }
    long now = context.currentSystemTimeMs();
    for (String phrase : phrases) {
      context.forward(new Record<>(phrase, counts.get(phrase), now));
      dirty.delete(phrase);
    }
  }
}
