package io.paperstream.processor.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a paper's candidates by the probability the model gives each of being a keyword a
 * reader would choose, and keeps those at or above the model's threshold: between
 * {@link #MIN_KEYWORDS} (when there are that many candidates) and the configured maximum.
 * Ties go to the earlier phrase, then to alphabetical order, so the output is deterministic.
 */
final class KeyphraseRanker {

  /** Keywords kept even below the threshold, so that every paper can be counted and found. */
  static final int MIN_KEYWORDS = 3;

  private final RankerModel model;

  KeyphraseRanker(RankerModel model) {
    this.model = model;
  }

  /** The best candidates, best first, at most {@code max}. */
  List<String> rank(NounPhraseCandidates.Text text, KeyphraseVocabulary vocabulary, int max) {
    boolean useVocabulary = vocabulary.papers() >= model.minVocabularyPapers() && vocabulary.papers() > 0;
    double[] weights = useVocabulary ? model.withVocabulary() : model.withoutVocabulary();
    KeyphraseVocabulary seen = useVocabulary ? vocabulary : KeyphraseVocabulary.EMPTY;
    double threshold = useVocabulary ? model.thresholdWith() : model.thresholdWithout();
    List<Scored> scored = new ArrayList<>(text.candidates().size());
    for (Candidate candidate : text.candidates()) {
      scored.add(new Scored(candidate, probability(weights, CandidateFeatures.of(candidate, text.words(), seen))));
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.probability)
        .thenComparingInt(s -> s.candidate.firstPosition)
        .thenComparing(s -> s.candidate.phrase));
    List<String> keywords = new ArrayList<>();
    for (Scored s : scored) {
      if (keywords.size() >= max || (keywords.size() >= MIN_KEYWORDS && s.probability < threshold)) {
        break;
      }
      keywords.add(s.candidate.phrase);
    }
    return keywords;
  }

  static double probability(double[] weights, double[] features) {
    double z = 0;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  private record Scored(Candidate candidate, double probability) {}
}
