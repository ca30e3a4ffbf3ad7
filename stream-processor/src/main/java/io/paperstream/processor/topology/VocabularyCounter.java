package io.paperstream.processor.topology;

import io.paperstream.processor.trend.PunctuationBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sums the vocabulary deltas of every paper ({@link VocabularyLessons}) into counts per phrase,
 * for the phrases of its partition ({@link VocabularyPartitioner}: each phrase is counted on one
 * partition only), and emits the changed phrases once per interval, not once per paper:
 * a backfill of thousands of papers writes each phrase a few times. The phrases to emit are kept
 * in a store, so a crash between update and emission loses none.
 *
 * <p>A lesson's lines are folded per phrase first (a phrase a paper both chose and offered is one
 * update of its counts, a line and its retraction none). The marks are copied in memory with
 * each marked phrase's latest counts: a phrase many lessons touch between two emissions is read
 * from the store once, marked once, and emitted without reading it again. Each emission works within a
 * {@link PunctuationBudget}; the phrases it had no time for wait, marked, for the next one.
 */
final class VocabularyCounter implements Processor<String, String, String, String> {

  private final String countsStore;
  private final String dirtyStore;
  private final Duration emitInterval;
  private final PunctuationBudget budget;
  /**
   * The store's marks, as far as this processor's life goes, each with the phrase's counts as
   * the store holds them: a fresh copy at each init (a rolled-back mark or count is not in it).
   */
  private Map<String, VocabularyCounts> marked;
  /** Where an emission that ran out of time stopped: the next one starts there. */
  private String resumeAt = "";
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> counts;
  private KeyValueStore<String, String> dirty;

  VocabularyCounter(String countsStore, String dirtyStore, Duration emitInterval, PunctuationBudget budget) {
    this.countsStore = countsStore;
    this.dirtyStore = dirtyStore;
    this.emitInterval = emitInterval;
    this.budget = budget;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.counts = context.getStateStore(countsStore);
    this.dirty = context.getStateStore(dirtyStore);
    this.marked = new HashMap<>();
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> budget.punctuate(now, this::emitDirty));
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.value() == null) {
      return;
    }
    budget.recordArrived();
    lessonDeltas(record.value()).forEach((phrase, delta) -> {
      if (delta.chosen() == 0 && delta.seen() == 0) {
        return;
      }
      VocabularyCounts before = marked.get(phrase);
      VocabularyCounts updated = (before != null ? before : VocabularyCounts.parse(counts.get(phrase)))
          .plus(delta.chosen(), delta.seen());
      if (updated.isEmpty()) {
        counts.delete(phrase);
      } else {
        counts.put(phrase, updated.encode());
      }
      if (marked.put(phrase, updated) == null) {
        dirty.put(phrase, "");
      }
    });
  }

  /** The lines of one lesson, phrase by phrase: chosen and seen deltas added up. */
  private static Map<String, VocabularyCounts> lessonDeltas(String lesson) {
    Map<String, VocabularyCounts> deltas = new LinkedHashMap<>();
    for (String line : lesson.split("\n")) {
      if (!LessonLines.isDelta(line)) {
        continue;
      }
      long delta = LessonLines.sign(line);
      boolean chosen = LessonLines.isChosen(line);
      deltas.merge(LessonLines.phraseOf(line), new VocabularyCounts(chosen ? delta : 0, chosen ? 0 : delta),
          (a, b) -> a.plus(b.chosen(), b.seen()));
    }
    return deltas;
  }

  private void emitDirty(BooleanSupplier outOfTime) {
    List<String> phrases = new ArrayList<>();
    try (KeyValueIterator<String, String> all = dirty.all()) {
      all.forEachRemaining(kv -> phrases.add(kv.key));
    }
    Collections.sort(phrases);
    int resume = 0;
    while (resume < phrases.size() && phrases.get(resume).compareTo(resumeAt) < 0) {
      resume++;
    }
    Collections.rotate(phrases, -resume);
    long now = context.currentSystemTimeMs();
    for (String phrase : phrases) {
      if (outOfTime.getAsBoolean()) {
        resumeAt = phrase;
        return;
      }
      VocabularyCounts latest = marked.remove(phrase);
      // a mark from before this processor's init has no counts in memory
      String value = latest == null ? counts.get(phrase) : latest.isEmpty() ? null : latest.encode();
      context.forward(new Record<>(phrase, value, now));
      dirty.delete(phrase);
    }
    resumeAt = "";
  }
}
