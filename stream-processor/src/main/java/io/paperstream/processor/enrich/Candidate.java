package io.paperstream.processor.enrich;

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
  boolean definedConcept;

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

  @Override
  public String toString() {
    return phrase + "×" + occurrences;
  }
}
