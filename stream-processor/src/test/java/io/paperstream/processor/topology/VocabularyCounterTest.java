package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.MockStores;
import io.paperstream.processor.trend.PunctuationBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VocabularyCounterTest {

  private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
  /** The budget's wall clock: each reading moves it on by this much. */
  private long wallNanos;
  private long wallNanosPerReading;
  private long wallClockMs;
  private final VocabularyCounter counter = new VocabularyCounter("counts", "dirty", Duration.ofSeconds(1),
      new PunctuationBudget(new PunctuationBudget.Limits(Duration.ofMillis(3), 0.25),
          () -> wallNanos += wallNanosPerReading, () -> 0L));
  private KeyValueStore<String, String> counts;
  private KeyValueStore<String, String> dirty;

  @BeforeEach
  void init() {
    counts = MockStores.inMemory(context, "counts", Serdes.String());
    dirty = MockStores.inMemory(context, "dirty", Serdes.String());
    counter.init(context);
  }

  @Test
  void aLessonIsFoldedPerPhraseAndEveryChangedPhraseIsEmittedOnceWithItsCounts() {
    // given a paper that chose "tide gauge" and whose text offered it, and "brine" offered twice over two lessons
    counter.process(lesson("+c \n+c tide gauge\n+s tide gauge\n+s brine"));
    counter.process(lesson("+c \n+s brine\n+s ledger"));

    // when the second paper's lesson is withdrawn again and replaced by one without "ledger"
    counter.process(lesson("-c \n-s brine\n-s ledger\n+c \n+s brine"));

    // then the counts are those of the lessons, "ledger" is gone
    assertThat(counts.get("tide gauge")).isEqualTo("1 1");
    assertThat(counts.get("brine")).isEqualTo("0 2");
    assertThat(counts.get("")).isEqualTo("2 0");
    assertThat(counts.get("ledger")).isNull();
    // and one punctuation emits each changed phrase once, with its counts (a vanished one as a tombstone)
    punctuate();
    assertThat(emitted()).containsExactly(Map.entry("", "2 0"), Map.entry("brine", "0 2"),
        Map.entry("ledger", "(none)"), Map.entry("tide gauge", "1 1"));
    assertThat(marks()).isEmpty();
  }

  @Test
  void anEmissionOutOfTimeLeavesTheRestMarkedAndTheNextStartsWhereItStopped() {
    // given five phrases changed
    counter.process(lesson("+s alpha\n+s bravo\n+s charlie\n+s delta\n+s echo"));

    // when the first emission's clock runs out after two phrases (each reading of it moves it on 1 ms, a run has 3)
    wallNanosPerReading = Duration.ofMillis(1).toNanos();
    punctuate();

    // then two phrases went out and three stay marked
    assertThat(emitted()).containsOnlyKeys("alpha", "bravo");
    assertThat(marks()).containsExactly("charlie", "delta", "echo");

    // when "alpha" changes again and the next emission comes
    counter.process(lesson("+c alpha"));
    context.resetForwards();
    punctuate();

    // then it goes on from "charlie" before it comes back to "alpha"
    assertThat(new ArrayList<>(emitted().keySet())).containsExactly("charlie", "delta");
    punctuate();
    assertThat(new ArrayList<>(emitted().keySet())).containsExactly("charlie", "delta", "echo", "alpha");
    assertThat(marks()).isEmpty();
  }

  @Test
  void aCounterInitialisedAgainAfterARollbackMarksAPhraseWhoseMarkTheRollbackLost() {
    // given a phrase marked, then the transaction rolled back (its mark and count gone from the stores)
    counter.process(lesson("+s brine"));
    dirty.delete("brine");
    counts.delete("brine");

    // when Kafka Streams initialises the same processor again (a revived task) and the change is replayed
    counter.init(context);
    counter.process(lesson("+s brine"));

    // then the phrase is marked again and goes out at the next emission
    assertThat(marks()).containsExactly("brine");
    punctuate();
    assertThat(emitted()).containsExactly(Map.entry("brine", "0 1"));
  }

  @Test
  void countsTheStoreHeldBeforeThisProcessorAreAddedToAndAMarkItLeftIsEmittedWithThem() {
    // given counts and a mark left in the stores by an earlier life of the task
    counts.put("brine", "3 5");
    counts.put("ledger", "1 1");
    dirty.put("ledger", "");
    counter.init(context);

    // when two lessons touch "brine" before the next emission
    counter.process(lesson("+c brine\n+s brine"));
    counter.process(lesson("+s brine"));

    // then its counts add to those of the store, and both phrases go out with the store's counts
    assertThat(counts.get("brine")).isEqualTo("4 7");
    punctuate();
    assertThat(emitted()).containsExactly(Map.entry("brine", "4 7"), Map.entry("ledger", "1 1"));
    assertThat(marks()).isEmpty();
  }

  private static Record<String, String> lesson(String lines) {
    return new Record<>(VocabularyPartitioner.keyOf(0), lines, 0L);
  }

  private void punctuate() {
    wallClockMs += 1_000L;
    context.setCurrentSystemTimeMs(wallClockMs);
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(wallClockMs);
  }

  private Map<String, String> emitted() {
    Map<String, String> emitted = new LinkedHashMap<>();
    context.forwarded().forEach(f -> emitted.put(f.record().key(),
        f.record().value() == null ? "(none)" : f.record().value()));
    return emitted;
  }

  private List<String> marks() {
    List<String> marks = new ArrayList<>();
    try (KeyValueIterator<String, String> all = dirty.all()) {
      all.forEachRemaining(kv -> marks.add(kv.key));
    }
    return marks;
  }
}
