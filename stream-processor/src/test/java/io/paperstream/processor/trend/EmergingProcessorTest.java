package io.paperstream.processor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.MockStores;
import io.paperstream.schemas.AvroSerde;
import io.paperstream.schemas.EmergenceKind;
import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.KeywordEmergence;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmergingProcessorTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-20");
  private static final String TOPIC = "tide clock calibration";

  private static final EmergingProcessor.Stores STORES =
      new EmergingProcessor.Stores("by-keyword", "by-date", "dirty", "results");

  private final MockProcessorContext<String, KeywordEmergence> context = new MockProcessorContext<>();
  /** The budget's wall clock, which a test moves on to run a punctuation out of time. */
  private long wallNanos;
  private long wallNanosPerReading;
  private long wallClockMs;
  private final EmergingProcessor processor = new EmergingProcessor(STORES, EmergingOptions.defaults(),
      Duration.ofSeconds(1), new PunctuationBudget(new PunctuationBudget.Limits(Duration.ofMillis(20), 0.25),
          () -> wallNanos += wallNanosPerReading, () -> 0L));
  private KeyValueStore<String, Long> byKeyword;
  private KeyValueStore<String, Long> byDate;
  private KeyValueStore<String, String> dirty;
  private KeyValueStore<String, KeywordEmergence> results;

  @BeforeEach
  void init() {
    byKeyword = store("by-keyword", Serdes.Long());
    byDate = store("by-date", Serdes.Long());
    dirty = store("dirty", Serdes.String());
    results = store("results", AvroSerde.forType(KeywordEmergence.class));
    processor.init(context);
    // given a background keyword of 2 papers every day over the 10 weeks before DAY
    for (int back = 1; back <= 70; back++) {
      count("sea ice", DAY.minusDays(back), 2);
    }
  }

  @Test
  void aCountMarksTheDatesItCanMoveAndOnePunctuationEmitsOnlyThoseThatChanged() {
    // given a keyword never seen before, in 5 papers on DAY
    count(TOPIC, DAY, 5);

    // when the counter forwards that count
    processor.process(new Record<>(KeywordDateKey.of(TOPIC, DAY).encode(), 5L, 0L));

    // then the 63 dates whose window or history holds DAY are marked
    assertThat(marks()).hasSize(63).contains(DAY.toString(), DAY.plusDays(62).toString());
    // and one punctuation emits the 7 dates whose window holds DAY (later ones stay without any) and clears the marks
    punctuate();
    assertThat(emittedKeys()).containsExactly(dates(DAY, 7));
    KeywordEmergence first = context.forwarded().get(0).record().value();
    assertThat(first.getKeywords()).hasSize(1);
    assertThat(first.getKeywords().get(0).getKeyword()).isEqualTo(TOPIC);
    assertThat(first.getKeywords().get(0).getKind()).isEqualTo(EmergenceKind.NEW);
    assertThat(marks()).isEmpty();
  }

  @Test
  void anUnchangedAnswerIsNotEmittedAgainAndALostOneIsATombstone() {
    // given the new keyword's dates emitted once
    count(TOPIC, DAY, 5);
    processor.process(new Record<>(KeywordDateKey.of(TOPIC, DAY).encode(), 5L, 0L));
    punctuate();
    context.resetForwards();

    // when the same count comes again (a replay after a crash): the same dates are marked
    processor.process(new Record<>(KeywordDateKey.of(TOPIC, DAY).encode(), 5L, 0L));
    assertThat(marks()).hasSize(63);
    punctuate();

    // then nothing is emitted
    assertThat(context.forwarded()).isEmpty();

    // when the keyword's papers are retracted
    byKeyword.delete(KeywordDateKey.of(TOPIC, DAY).encode());
    byDate.delete(KeywordDateKey.of(TOPIC, DAY).encodeByDate());
    processor.process(new Record<>(KeywordDateKey.of(TOPIC, DAY).encode(), null, 0L));
    punctuate();

    // then each of its 7 dates is a tombstone
    assertThat(context.forwarded()).allSatisfy(f -> assertThat(f.record().value()).isNull());
    assertThat(emittedKeys()).containsExactly(dates(DAY, 7));
  }

  @Test
  void anOlderFirstPaperArrivingLateTurnsNewIntoBurstAsIfItHadComeFirst() {
    // given the keyword's 5 papers on DAY emitted as NEW (nothing of it seen before)
    count(TOPIC, DAY, 5);
    processor.process(new Record<>(KeywordDateKey.of(TOPIC, DAY).encode(), 5L, 0L));
    punctuate();
    assertThat(kindOn(DAY)).isEqualTo(EmergenceKind.NEW);

    // when a paper of it 100 days earlier, before DAY's history, arrives only now (a replay's interleaving)
    LocalDate older = DAY.minusDays(100);
    count(TOPIC, older, 1);
    processor.process(new Record<>(KeywordDateKey.of(TOPIC, older).encode(), 1L, 0L));
    punctuate();

    // then DAY's answer is the one of the counts in chronological order: a BURST, the keyword was seen before
    assertThat(kindOn(DAY)).isEqualTo(EmergenceKind.BURST);

    // when that older paper is retracted again
    byKeyword.delete(KeywordDateKey.of(TOPIC, older).encode());
    byDate.delete(KeywordDateKey.of(TOPIC, older).encodeByDate());
    processor.process(new Record<>(KeywordDateKey.of(TOPIC, older).encode(), null, 0L));
    punctuate();

    // then the keyword is NEW on DAY again
    assertThat(kindOn(DAY)).isEqualTo(EmergenceKind.NEW);
  }

  @Test
  void aPunctuationOutOfTimeLeavesTheRestMarkedAndTheNextOnesFinishWithTheAnswersOfOneFullRun() {
    // given bursts on three days far enough apart that their dates fall in different spans
    count(TOPIC, DAY, 5);
    count("harbor crane", DAY.plusDays(40), 4);
    count("kelp survey", DAY.plusDays(80), 6);
    List<KeywordDateKey> changes = List.of(KeywordDateKey.of(TOPIC, DAY),
        KeywordDateKey.of("harbor crane", DAY.plusDays(40)), KeywordDateKey.of("kelp survey", DAY.plusDays(80)));
    changes.forEach(key -> processor.process(new Record<>(key.encode(), 5L, 0L)));
    int marked = marks().size();

    // when each punctuation's clock runs out after a few dates (each reading of it moves it on 1 ms, the run has 20)
    wallNanosPerReading = Duration.ofMillis(1).toNanos();
    int punctuations = 0;
    List<Integer> marksLeft = new ArrayList<>();
    while (!marks().isEmpty() && punctuations < 100) {
      punctuate();
      punctuations++;
      marksLeft.add(marks().size());
    }

    // then it took several punctuations, each leaving fewer dates marked
    assertThat(punctuations).isGreaterThan(1);
    assertThat(marksLeft).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).doesNotHaveDuplicates().endsWith(0);
    assertThat(marksLeft.get(0)).isLessThan(marked);
    // and the answers kept are those of one punctuation with all the time it needs, on the same counts
    List<KeyValue<String, KeywordEmergence>> capped = resultsKept();
    EmergingProcessor unbounded = new EmergingProcessor(STORES, EmergingOptions.defaults(), Duration.ofSeconds(1),
        new PunctuationBudget(PunctuationBudget.Limits.defaults(), () -> 0L, () -> 0L));
    MockProcessorContext<String, KeywordEmergence> fresh = new MockProcessorContext<>();
    capped.forEach(kv -> results.delete(kv.key));
    List.of(byKeyword, byDate, dirty, results).forEach(fresh::addStateStore);
    unbounded.init(fresh);
    changes.forEach(key -> unbounded.process(new Record<>(key.encode(), 5L, 0L)));
    fresh.setCurrentSystemTimeMs(0L);
    fresh.scheduledPunctuators().get(0).getPunctuator().punctuate(0L);
    assertThat(resultsKept()).isNotEmpty().isEqualTo(capped);
  }

  private List<KeyValue<String, KeywordEmergence>> resultsKept() {
    List<KeyValue<String, KeywordEmergence>> kept = new ArrayList<>();
    try (KeyValueIterator<String, KeywordEmergence> all = results.all()) {
      all.forEachRemaining(kept::add);
    }
    return kept;
  }

  private EmergenceKind kindOn(LocalDate date) {
    KeywordEmergence answer = results.get(date.toString());
    assertThat(answer).as("emerging keywords of %s", date).isNotNull();
    return answer.getKeywords().stream().filter(k -> k.getKeyword().equals(TOPIC)).findFirst()
        .orElseThrow(() -> new AssertionError(TOPIC + " not emerging on " + date)).getKind();
  }

  private List<String> emittedKeys() {
    List<String> keys = new ArrayList<>();
    context.forwarded().forEach(f -> keys.add(f.record().key()));
    return keys;
  }

  private void punctuate() {
    wallClockMs += 1_000L;
    context.setCurrentSystemTimeMs(wallClockMs);
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(wallClockMs);
  }

  private void count(String keyword, LocalDate day, long count) {
    KeywordDateKey key = KeywordDateKey.of(keyword, day);
    byKeyword.put(key.encode(), count);
    byDate.put(key.encodeByDate(), count);
  }

  private List<String> marks() {
    List<String> marks = new ArrayList<>();
    try (KeyValueIterator<String, String> all = dirty.all()) {
      all.forEachRemaining(kv -> marks.add(kv.key));
    }
    return marks;
  }

  private static String[] dates(LocalDate first, int days) {
    String[] dates = new String[days];
    for (int i = 0; i < days; i++) {
      dates[i] = first.plusDays(i).toString();
    }
    return dates;
  }

  private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
    return MockStores.inMemory(context, name, values);
  }
}
