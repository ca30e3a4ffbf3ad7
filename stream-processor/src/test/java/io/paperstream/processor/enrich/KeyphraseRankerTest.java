package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyphraseRankerTest {

  private final NounPhraseCandidates candidates =
      new NounPhraseCandidates(new KeywordCanonicalizer(), PosLexicon.shipped());

  /**
   * A model of one tree that only looks at one feature: log-odds {@code low} at or below
   * {@code split}, {@code high} above, so that the expected order follows from the text.
   */
  private static RankerModel modelOn(String feature, double split, double low, double high, double threshold) {
    BoostedTrees trees = BoostedTrees.read(
        List.of("0", "f" + CandidateFeatures.NAMES.indexOf(feature) + ":" + split + " =" + low + " =" + high),
        CandidateFeatures.NAMES.size());
    RankerModel.Branch branch = new RankerModel.Branch(trees, trees, threshold, threshold);
    return new RankerModel("test", branch, branch, 1);
  }

  @Test
  void ranksByProbabilityAndStopsAtTheThreshold() {
    // given a model for which only the title matters
    KeyphraseRanker ranker = new KeyphraseRanker(modelOn("in-title", 0.5, -3, 3, 0.5));
    NounPhraseCandidates.Text text = candidates.of("Brine Ledger",
        "Harbour gauges, tide tables, coral sensors and storm surges are described.");

    // when
    List<String> keywords = ranker.rank(text, KeyphraseVocabulary.EMPTY, 15);

    // then the title's three candidates, the only ones above the threshold, fill the minimum
    assertThat(keywords).hasSize(KeyphraseRanker.MIN_KEYWORDS)
        .containsExactlyInAnyOrder("brine", "brine ledger", "ledger");
  }

  @Test
  void neverMoreThanTheMaximum() {
    // given a model that keeps everything
    KeyphraseRanker ranker = new KeyphraseRanker(modelOn("bias", 0.5, 5, 5, 0.01));
    NounPhraseCandidates.Text text = candidates.of("Brine Ledger",
        "Harbour gauges, tide tables, coral sensors, storm surges, reef maps and kelp beds are described.");

    // when / then
    assertThat(ranker.rank(text, KeyphraseVocabulary.EMPTY, 4)).hasSize(4);
  }

  @Test
  void theVocabularyRaisesAPhraseOthersChose() {
    // given a model that trusts the vocabulary, and a vocabulary that knows "kelp bed"
    KeyphraseRanker ranker = new KeyphraseRanker(modelOn("vocabulary-log-papers", 1, -2, 2, 0.5));
    NounPhraseCandidates.Text text = candidates.of("Coastal Notes", "Harbour gauges, tide tables and kelp beds.");
    KeyphraseVocabulary vocabulary = KeyphraseVocabulary.of(Map.of("kelp bed", 40L), 100);

    // when
    List<String> with = ranker.rank(text, vocabulary, 15);

    // then
    assertThat(with.get(0)).isEqualTo("kelp bed");
  }

  @Test
  void asksTheVocabularyOncePerPhraseOfAPaper() {
    // given a vocabulary that counts what it is asked, as a state store would be, and a text whose
    // candidates share heads, tails and stems ("tide ledger protocol", "ledger protocol", "protocol")
    Map<String, Integer> asked = new java.util.HashMap<>();
    KeyphraseVocabulary known = KeyphraseVocabulary.of(Map.of("ledger protocol", 4L, "tide ledger", 2L),
        Map.of("ledger protocol", 6L), 100);
    KeyphraseVocabulary counting = new KeyphraseVocabulary() {
      @Override
      public long papers() {
        return known.papers();
      }

      @Override
      public long papersWith(String phrase) {
        return known.papersWith(phrase);
      }

      @Override
      public Counts counts(String phrase) {
        asked.merge(phrase, 1, Integer::sum);
        return known.counts(phrase);
      }
    };
    KeyphraseRanker ranker = new KeyphraseRanker(modelOn("vocabulary-keyphraseness", 0.3, -3, 3, 0.5));
    NounPhraseCandidates.Text text = candidates.of("Tide Ledger Protocols",
        "A tide ledger protocol keeps the ledger protocol of each harbour protocol.");

    // when
    List<KeyphraseRanker.Scored> scored = ranker.scored(text, counting);

    // then every candidate was scored from its counts, and no phrase was asked twice
    assertThat(scored.subList(0, 2)).extracting(s -> s.candidate().phrase)
        .containsExactlyInAnyOrder("ledger protocol", "tide ledger");
    assertThat(asked).containsKeys("tide ledger protocol", "ledger protocol", "protocol", "tide ledger");
    assertThat(asked.values()).allMatch(times -> times == 1);
  }
}
