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

  /**
   * Higher probability first, then the earlier phrase, then alphabetical order. Written out
   * rather than composed from key extractors: it runs a few hundred times per paper.
   */
  private static final Comparator<Scored> BEST_FIRST = (a, b) -> {
    int byProbability = Double.compare(-a.probability, -b.probability);
    if (byProbability != 0) {
      return byProbability;
    }
    int byPosition = Integer.compare(a.candidate.firstPosition, b.candidate.firstPosition);
    return byPosition != 0 ? byPosition : a.candidate.phrase.compareTo(b.candidate.phrase);
  };

  private final RankerModel model;

  KeyphraseRanker(RankerModel model) {
    this.model = model;
  }

  /** The best candidates, best first, at most {@code max}. */
  List<String> rank(NounPhraseCandidates.Text text, KeyphraseVocabulary vocabulary, int max) {
    boolean useVocabulary = usesVocabulary(vocabulary);
    return select(scored(text, vocabulary, useVocabulary), model.branch(text.hasSummary()).threshold(useVocabulary),
        max);
  }

  /** Every candidate with its probability, best first. */
  List<Scored> scored(NounPhraseCandidates.Text text, KeyphraseVocabulary vocabulary) {
    return scored(text, vocabulary, usesVocabulary(vocabulary));
  }

  private List<Scored> scored(NounPhraseCandidates.Text text, KeyphraseVocabulary vocabulary, boolean useVocabulary) {
    BoostedTrees trees = model.branch(text.hasSummary()).trees(useVocabulary);
    KeyphraseVocabulary seen = useVocabulary ? vocabulary : null;
    List<Scored> scored = new ArrayList<>(text.candidates().size());
    for (Candidate candidate : text.candidates()) {
      scored.add(new Scored(candidate, trees.probability(CandidateFeatures.of(candidate, text, seen))));
    }
    scored.sort(BEST_FIRST);
    return scored;
  }


  /** The phrases of the best {@code scored} at or above {@code threshold}: at least {@link #MIN_KEYWORDS}, at most {@code max}. */
  static List<String> select(List<Scored> scored, double threshold, int max) {
    List<String> keywords = new ArrayList<>();
    for (Scored s : scored) {
      if (keywords.size() >= max || (keywords.size() >= MIN_KEYWORDS && s.probability < threshold)) {
        break;
      }
      keywords.add(s.candidate.phrase);
    }
    return keywords;
  }

  /** Whether the vocabulary is big enough to use; a vocabulary in a state store answers with a look-up. */
  private boolean usesVocabulary(KeyphraseVocabulary vocabulary) {
    long papers = vocabulary.papers();
    return papers > 0 && papers >= model.minVocabularyPapers();
  }

  /** A candidate and the probability the model gives it of being a keyword. */
  record Scored(Candidate candidate, double probability) {}
}
