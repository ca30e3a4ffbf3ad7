package io.paperstream.processor.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * A candidate keyphrase of one paper (a noun phrase, in canonical form) and what was counted for
 * it over the paper's title and abstract; the ranker's features are computed from this.
 */
final class Candidate {

  final String phrase;
  final int words;
  final String firstTag;
  final String lastTag;
  final int firstPosition;
  int occurrences;
  int inTitle;
  /** Occurrences that are a whole noun phrase, begin one, end one (its head). */
  int whole;
  int atStart;
  int atEnd;
  /** Chains (words or hyphenated compounds) of the longest noun phrase it occurs in. */
  int longestRun;
  boolean capitalized;
  /**
   * Occurrences in the abstract with every word capitalized ("Group Relative Policy
   * Optimization"): a name the authors give, where a sentence's first word alone would not be.
   */
  int titleCased;
  /** Named right after a reporting verb ("we propose X"), or before the colon of a title. */
  boolean introduced;
  boolean beforeColon;
  boolean definedConcept;
  /**
   * Occurrences in the page's own one-sentence summary (Hugging Face's {@code ai_summary}), and
   * whether one of them is a whole noun phrase there: what a summary names is what the paper is
   * about. Not counted in {@link #occurrences}.
   */
  int inSummary;
  boolean wholeInSummary;

  /**
   * Occurrences of the most frequent longer candidate that contains this one right around it
   * ("large language model" around "language model"), once counting is done.
   */
  int containerOccurrences;
  private List<Candidate> containers;
  /** Its counts in {@link #countsFrom}, once asked ({@link CandidateFeatures}). */
  KeyphraseVocabulary.Counts counts;
  KeyphraseVocabulary countsFrom;

  Candidate(String phrase, String firstTag, String lastTag, int firstPosition) {
    this.phrase = phrase;
    this.words = phrase.isEmpty() ? 0 : spaces(phrase) + 1;
    this.firstTag = firstTag;
    this.lastTag = lastTag;
    this.firstPosition = firstPosition;
  }

  private static int spaces(String phrase) {
    int spaces = 0;
    for (int i = phrase.indexOf(' '); i >= 0; i = phrase.indexOf(' ', i + 1)) {
      spaces++;
    }
    return spaces;
  }

  /** Records a longer candidate seen around one occurrence of this one; null is ignored. */
  void addContainer(Candidate container) {
    if (container == null || container == this) {
      return;
    }
    if (containers == null) {
      containers = new ArrayList<>(2);
    }
    containers.add(container);
  }

  /** Once every occurrence is counted: {@link #containerOccurrences}. */
  void settleContainers() {
    if (containers != null) {
      for (Candidate container : containers) {
        containerOccurrences = Math.max(containerOccurrences, container.occurrences);
      }
      containers = null;
    }
  }

  @Override
  public String toString() {
    return phrase + "×" + occurrences;
  }
}
