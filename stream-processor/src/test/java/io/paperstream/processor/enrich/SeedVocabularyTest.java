package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.processor.enrich.eval.LabeledPapers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SeedVocabularyTest {

  private static final LocalDate FIRST = LocalDate.of(2025, 1, 2);
  private static final LocalDate LAST = LocalDate.of(2025, 1, 9);

  @Test
  void aSeedAnswersTheCountsItWasBuiltFromAndDropsRarePhrasesNoPaperChose() {
    // given three teaching papers: "brine ledger" chosen twice, "tide table" offered by two and
    // chosen by none, "harbour gauge" offered by one and chosen by none
    VocabularyBuilder builder = new VocabularyBuilder(new KeywordCanonicalizer())
        .add(List.of("Brine Ledgers"), Set.of("brine ledger", "tide table", "harbour gauge"))
        .add(List.of("brine ledger"), Set.of("brine ledger", "tide table"))
        .add(List.of("salt marsh"), Set.of());

    // when it becomes a seed keeping phrases none chose only when two papers offered them
    SeedVocabulary seed = builder.seed(FIRST, LAST, 2);

    // then the counts are the builder's, and the one-off unchosen phrase is gone
    assertThat(seed.papers()).isEqualTo(3);
    assertThat(seed.counts("brine ledger")).isEqualTo(new KeyphraseVocabulary.Counts(2, 2));
    assertThat(seed.counts("salt marsh")).isEqualTo(new KeyphraseVocabulary.Counts(1, 0));
    assertThat(seed.counts("tide table")).isEqualTo(new KeyphraseVocabulary.Counts(0, 2));
    assertThat(seed.counts("harbour gauge")).isEqualTo(new KeyphraseVocabulary.Counts(0, 0));
    assertThat(seed.phrases()).isEqualTo(3);
    assertThat(builder.seed(FIRST, LAST, 1).counts("harbour gauge")).isEqualTo(new KeyphraseVocabulary.Counts(0, 1));
  }

  @Test
  void aWrittenSeedReadsBackTheSameAndTheSameSeedWritesTheSameBytes() throws IOException {
    // given a seed of invented phrases
    SeedVocabulary seed = SeedVocabulary.of(Map.of("brine ledger", 4L, "salt marsh", 1L),
        Map.of("brine ledger", 6L, "tide table", 3L), 9, FIRST, LAST, 1);

    // when it is written and read again
    byte[] written = bytes(seed);
    SeedVocabulary read = SeedVocabulary.read(new ByteArrayInputStream(written));

    // then it answers as before, knows its days, and writing it again gives the same bytes
    assertThat(read.papers()).isEqualTo(9);
    assertThat(read.counts("brine ledger")).isEqualTo(new KeyphraseVocabulary.Counts(4, 6));
    assertThat(read.papersWith("salt marsh")).isEqualTo(1);
    assertThat(read.papersSeen("tide table")).isEqualTo(3);
    assertThat(read.counts("unknown phrase")).isEqualTo(new KeyphraseVocabulary.Counts(0, 0));
    assertThat(read.firstDay()).isEqualTo(FIRST);
    assertThat(read.lastDay()).isEqualTo(LAST);
    assertThat(bytes(read)).isEqualTo(written);
  }

  @Test
  void aDamagedLineIsReportedWithItsNumber() throws IOException {
    // given a seed whose third line lacks a field
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write("# comment\n3\t2025-01-02\t2025-01-09\nbrine ledger\t2\n".getBytes(StandardCharsets.UTF_8));
    }

    // when it is read, then the error says where
    assertThatThrownBy(() -> SeedVocabulary.read(new ByteArrayInputStream(out.toByteArray())))
        .hasMessageContaining("line 3").hasMessageContaining("expected 3 tab-separated fields, found 2");
  }

  @Test
  void theShippedSeedLearnedOnlyFromTheLearningDaysAndIsBigEnoughForTheVocabularyTrees() {
    // when the jar's seed is loaded
    SeedVocabulary seed = SeedVocabulary.shipped();

    // then it is out of sample for the measuring days, the ranker uses it, and it knows a phrase
    // papers of the field choose often, with at least as many papers offering it
    assertThat(seed.lastDay()).isBefore(LabeledPapers.MEASURE_FROM);
    assertThat(seed.papers()).isGreaterThanOrEqualTo(RankerModel.shipped().minVocabularyPapers());
    KeyphraseVocabulary.Counts counts = seed.counts("large language model");
    assertThat(counts.chosen()).isPositive();
    assertThat(counts.seen()).isGreaterThanOrEqualTo(counts.chosen() / 2);
    assertThat(SeedVocabulary.shipped()).isSameAs(seed);
  }

  private static byte[] bytes(SeedVocabulary seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    seed.write(out, "invented");
    return out.toByteArray();
  }
}
