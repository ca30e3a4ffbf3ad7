package io.paperstream.processor.enrich;

import java.util.Map;

/**
 * Which phrases people choose as keywords: for each canonical keyphrase, the number of papers
 * whose own keywords (those a page supplied) contained it, and the number of such papers. The
 * ranker uses it for papers that carry no keywords of their own. Learned from the stream (a
 * state store fed from the papers' source keywords), shipped in the jar ({@link SeedVocabulary},
 * which the processor adds under the stream's: {@link SeededVocabulary}) or, for evaluation and
 * training, from labeled pages.
 */
public interface KeyphraseVocabulary {

  /** No vocabulary: the ranker then uses its model without vocabulary features. */
  KeyphraseVocabulary EMPTY = of(Map.of(), 0);

  /** Papers that taught the vocabulary. */
  long papers();

  /** Papers whose own keywords contained {@code canonicalPhrase}. */
  long papersWith(String canonicalPhrase);

  /**
   * Papers that taught the vocabulary whose title or abstract offered {@code canonicalPhrase} as
   * a candidate (chosen or not); 0 when not counted.
   */
  default long papersSeen(String canonicalPhrase) {
    return 0;
  }

  /** How many papers chose a phrase, and how many offered it as a candidate. */
  record Counts(long chosen, long seen) {}

  /**
   * Both counts of a phrase at once: what the ranker asks of every candidate. A vocabulary kept
   * in a state store answers it with one look-up instead of two.
   */
  default Counts counts(String canonicalPhrase) {
    return new Counts(papersWith(canonicalPhrase), papersSeen(canonicalPhrase));
  }

  /** A fixed vocabulary. */
  static KeyphraseVocabulary of(Map<String, Long> papersWith, long papers) {
    return of(papersWith, Map.of(), papers);
  }

  /** A fixed vocabulary that also counted candidates. */
  static KeyphraseVocabulary of(Map<String, Long> papersWith, Map<String, Long> papersSeen, long papers) {
    Map<String, Long> copy = Map.copyOf(papersWith);
    Map<String, Long> seen = Map.copyOf(papersSeen);
    return new KeyphraseVocabulary() {
      @Override
      public long papersSeen(String canonicalPhrase) {
        return seen.getOrDefault(canonicalPhrase, 0L);
      }

      @Override
      public long papers() {
        return papers;
      }

      @Override
      public long papersWith(String canonicalPhrase) {
        return copy.getOrDefault(canonicalPhrase, 0L);
      }
    };
  }
}
