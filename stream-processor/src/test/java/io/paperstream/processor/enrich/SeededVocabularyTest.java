package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeededVocabularyTest {

  private final KeyphraseVocabulary seed = KeyphraseVocabulary.of(Map.of("brine ledger", 5L, "salt marsh", 2L),
      Map.of("brine ledger", 8L, "tide table", 4L), 100);
  private final KeyphraseVocabulary stream = KeyphraseVocabulary.of(Map.of("brine ledger", 1L, "harbour gauge", 3L),
      Map.of("brine ledger", 2L, "harbour gauge", 3L), 7);

  @Test
  void theSeedAndTheStreamsLessonsAddUp() {
    // when the seed and the stream's vocabulary are asked together
    SeededVocabulary seeded = new SeededVocabulary(seed, stream);

    // then papers and every count are the sums of both sides
    assertThat(seeded.papers()).isEqualTo(107);
    assertThat(seeded.counts("brine ledger")).isEqualTo(new KeyphraseVocabulary.Counts(6, 10));
    assertThat(seeded.papersWith("brine ledger")).isEqualTo(6);
    assertThat(seeded.papersSeen("brine ledger")).isEqualTo(10);
    assertThat(seeded.counts("salt marsh")).isEqualTo(new KeyphraseVocabulary.Counts(2, 0));
    assertThat(seeded.counts("harbour gauge")).isEqualTo(new KeyphraseVocabulary.Counts(3, 3));
    assertThat(seeded.counts("tide table")).isEqualTo(new KeyphraseVocabulary.Counts(0, 4));
    assertThat(seeded.counts("unknown")).isEqualTo(new KeyphraseVocabulary.Counts(0, 0));
  }

  @Test
  void aPhraseOnlyOneSideKnowsIsAnsweredWithThatSidesCountsAsTheyAre() {
    // given two sides that each keep their counts as objects
    LocalDate day = LocalDate.of(2025, 1, 2);
    SeedVocabulary seedSide = SeedVocabulary.of(Map.of("seed phrase", 4L), Map.of("seed phrase", 9L), 50, day, day, 1);
    SeedVocabulary streamSide = SeedVocabulary.of(Map.of("stream phrase", 1L), Map.of(), 2, day, day, 1);

    // when each is asked for its own phrase, then no new pair is made (the hot path allocates nothing more)
    SeededVocabulary seeded = new SeededVocabulary(seedSide, streamSide);
    assertThat(seeded.counts("seed phrase")).isSameAs(seedSide.counts("seed phrase"));
    assertThat(seeded.counts("stream phrase")).isSameAs(streamSide.counts("stream phrase"));
  }
}
