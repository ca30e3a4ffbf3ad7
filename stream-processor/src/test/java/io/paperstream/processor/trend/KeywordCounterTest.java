package io.paperstream.processor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.MockStores;
import io.paperstream.schemas.KeywordDelta;
import io.paperstream.schemas.KeywordDeltas;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeywordCounterTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-20");

  private final MockProcessorContext<String, Long> context = new MockProcessorContext<>();
  private final KeywordCounter counter = new KeywordCounter("by-keyword", "by-date");
  private KeyValueStore<String, Long> byKeyword;
  private KeyValueStore<String, Long> byDate;

  @BeforeEach
  void init() {
    byKeyword = MockStores.inMemory(context, "by-keyword", Serdes.Long());
    byDate = MockStores.inMemory(context, "by-date", Serdes.Long());
    counter.init(context);
  }

  @Test
  void deltasOfSeveralPapersAddUp() {
    // given two papers that gained "lattice" on one day, one of them also "tide"
    counter.process(deltas("p1", delta("lattice", 1), delta("tide", 1)));
    counter.process(deltas("p2", delta("lattice", 1)));

    // then both stores hold the counts and every change was forwarded
    assertThat(byKeyword.get("lattice|2026-03-20")).isEqualTo(2);
    assertThat(byDate.get("2026-03-20|lattice")).isEqualTo(2);
    assertThat(forwarded()).containsExactly(KeyValue.pair("lattice|2026-03-20", 1L),
        KeyValue.pair("tide|2026-03-20", 1L), KeyValue.pair("lattice|2026-03-20", 2L));
  }

  @Test
  void aCountThatFallsToZeroIsForgottenAndForwardedAsATombstone() {
    // given one paper counted for "tide"
    counter.process(deltas("p1", delta("tide", 1)));
    context.resetForwards();

    // when its record loses the keyword
    counter.process(deltas("p1", delta("tide", -1)));

    // then the stores forget it and a null count goes on
    assertThat(byKeyword.get("tide|2026-03-20")).isNull();
    assertThat(byDate.get("2026-03-20|tide")).isNull();
    assertThat(forwarded()).containsExactly(KeyValue.pair("tide|2026-03-20", null));
  }

  private List<KeyValue<String, Long>> forwarded() {
    return context.forwarded().stream()
        .map(f -> KeyValue.pair(f.record().key(), f.record().value()))
        .toList();
  }

  private static Record<String, KeywordDeltas> deltas(String paperId, KeywordDelta... deltas) {
    return new Record<>(paperId, new KeywordDeltas(paperId, List.of(deltas)), 0L);
  }

  private static KeywordDelta delta(String keyword, int delta) {
    return new KeywordDelta(keyword, DAY, delta);
  }
}
