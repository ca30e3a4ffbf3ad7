package io.paperstream.processor.enrich;

import java.util.List;

/**
 * The ranker's view of a candidate: a fixed vector of numbers, each named in {@link #NAMES}
 * (the model file lists them, so a model and the code that reads it cannot drift apart).
 *
 * <p>What makes a phrase a keyword a reader would choose, as far as the text shows it: how
 * often it is said, whether in the title, how early, how long it is, what kind of words begin
 * and end it, whether it stands as a whole noun phrase or is its head, whether it is a name or
 * an acronym's concept, whether it is made of generic words; and, when a vocabulary is known,
 * how many papers chose it as a keyword before.
 */
final class CandidateFeatures {

  static final List<String> NAMES = List.of(
      "bias", "log-occurrences", "in-title", "title-only", "first-position", "words-1", "words-2", "words-3",
      "words-4", "words-5+", "whole-phrase", "phrase-start", "phrase-end", "first-adjective", "first-verb",
      "first-compound", "last-proper-noun", "last-compound", "capitalized", "defined-concept",
      "generic-head", "all-generic", "has-digit", "relative-occurrences", "head-log-occurrences",
      "modifier-log-occurrences", "words-in-longest", "last-verb", "title-cased",
      "introduced", "before-title-colon", "container-share", "summary-given", "in-summary", "whole-in-summary",
      "vocabulary-log-papers", "vocabulary-known", "vocabulary-common", "vocabulary-head-log-papers",
      "vocabulary-keyphraseness", "vocabulary-log-seen", "vocabulary-unseen", "vocabulary-tail-log-papers",
      "vocabulary-tail-keyphraseness", "vocabulary-head-keyphraseness", "vocabulary-stem-keyphraseness");

  /** Index of the first vocabulary feature: a model without vocabulary ignores those from here on. */
  static final int FIRST_VOCABULARY = NAMES.indexOf("vocabulary-log-papers");

  private CandidateFeatures() {}

  /**
   * The features of one candidate of {@code text}.
   *
   * @param vocabulary the keyphrases other papers chose; null when none is known (the vocabulary
   *     features are then zero, as the model without vocabulary was trained)
   */
  static double[] of(Candidate c, NounPhraseCandidates.Text text, KeyphraseVocabulary vocabulary) {
    int textWords = text.words();
    double[] f = new double[NAMES.size()];
    double occurrences = Math.max(1, c.occurrences);
    String[] words = c.phrase.split(" ");
    f[0] = 1;
    f[1] = Math.log(occurrences);
    f[2] = c.inTitle > 0 ? 1 : 0;
    f[3] = c.inTitle == c.occurrences ? 1 : 0;
    f[4] = textWords == 0 ? 0 : Math.min(1, (double) c.firstPosition / textWords);
    f[5 + Math.min(4, Math.max(0, words.length - 1))] = 1;
    f[10] = c.whole / occurrences;
    f[11] = c.atStart / occurrences;
    f[12] = c.atEnd / occurrences;
    f[13] = PosLexicon.ADJ.equals(c.firstTag) ? 1 : 0;
    f[14] = PosLexicon.VERB.equals(c.firstTag) ? 1 : 0;
    f[15] = "COMPOUND".equals(c.firstTag) ? 1 : 0;
    f[16] = PosLexicon.PROPN.equals(c.lastTag) ? 1 : 0;
    f[17] = "COMPOUND".equals(c.lastTag) ? 1 : 0;
    f[18] = c.capitalized ? 1 : 0;
    f[19] = c.definedConcept ? 1 : 0;
    boolean allGeneric = true;
    for (String word : words) {
      allGeneric &= Vocabulary.GENERIC.contains(word);
    }
    f[20] = Vocabulary.GENERIC.contains(words[words.length - 1]) ? 1 : 0;
    f[21] = allGeneric ? 1 : 0;
    f[22] = c.phrase.chars().anyMatch(Character::isDigit) ? 1 : 0;
    f[23] = occurrences / Math.max(1, text.maxOccurrences());
    // how often the phrase's head and its modifiers stand as candidates of their own: "reasoning"
    // all over a text makes "multimodal reasoning" likelier a keyword than a one-off pairing
    int space = c.phrase.indexOf(' ');
    int lastSpace = c.phrase.lastIndexOf(' ');
    String tail = space < 0 ? null : c.phrase.substring(space + 1);
    f[24] = Math.log(Math.max(1, occurrencesOf(text, space < 0 ? null : words[words.length - 1])));
    f[25] = Math.log(Math.max(1, occurrencesOf(text, lastSpace < 0 ? null : c.phrase.substring(0, lastSpace))));
    f[26] = Math.min(c.longestRun, 8);
    f[27] = PosLexicon.VERB.equals(c.lastTag) ? 1 : 0;
    f[28] = (double) c.titleCased / occurrences;
    f[29] = c.introduced ? 1 : 0;
    f[30] = c.beforeColon ? 1 : 0;
    // how much of the phrase is one longer phrase: "language model" said only as "large language model"
    f[31] = Math.min(1, c.containerOccurrences / occurrences);
    // the page's own one-line summary names what the paper is about; without one, nothing is known
    f[32] = text.hasSummary() ? 1 : 0;
    f[33] = Math.min(c.inSummary, 2);
    f[34] = c.wholeInSummary ? 1 : 0;
    if (vocabulary != null) {
      int v = FIRST_VOCABULARY;
      KeyphraseVocabulary.Counts counts = counts(text, c.phrase, vocabulary);
      long chosen = counts.chosen();
      f[v] = Math.log1p(chosen);
      f[v + 1] = chosen > 0 ? 1 : 0;
      f[v + 2] = chosen >= 5 ? 1 : 0;
      KeyphraseVocabulary.Counts headCounts = words.length > 1 ? counts(text, words[words.length - 1], vocabulary) : null;
      f[v + 3] = headCounts == null ? 0 : Math.log1p(headCounts.chosen());
      long seen = counts.seen();
      f[v + 4] = (chosen + 0.5) / (Math.max(seen, chosen) + 2.0);
      f[v + 5] = Math.log1p(seen);
      f[v + 6] = seen == 0 ? 1 : 0;
      if (tail != null) {
        KeyphraseVocabulary.Counts tailCounts = counts(text, tail, vocabulary);
        f[v + 7] = Math.log1p(tailCounts.chosen());
        f[v + 8] = (tailCounts.chosen() + 0.5) / (Math.max(tailCounts.seen(), tailCounts.chosen()) + 2.0);
        f[v + 9] = (headCounts.chosen() + 0.5) / (Math.max(headCounts.seen(), headCounts.chosen()) + 2.0);
        // the phrase without its last word chosen often ("sparse attention" for "sparse attention mechanism")
        KeyphraseVocabulary.Counts stemCounts = counts(text, c.phrase.substring(0, lastSpace), vocabulary);
        f[v + 10] = (stemCounts.chosen() + 0.5) / (Math.max(stemCounts.seen(), stemCounts.chosen()) + 2.0);
      }
    }
    return f;
  }

  /**
   * A phrase's vocabulary counts, asked of the vocabulary once per text: the head, the tail and
   * the stem of a candidate are mostly candidates of the same text too, and a vocabulary in a
   * state store answers each question with a look-up.
   */
  private static KeyphraseVocabulary.Counts counts(NounPhraseCandidates.Text text, String phrase,
      KeyphraseVocabulary vocabulary) {
    Candidate known = text.candidate(phrase);
    if (known != null && known.countsFrom == vocabulary) {
      return known.counts;
    }
    KeyphraseVocabulary.Counts counts = vocabulary.counts(phrase);
    if (known != null) {
      known.counts = counts;
      known.countsFrom = vocabulary;
    }
    return counts;
  }

  private static int occurrencesOf(NounPhraseCandidates.Text text, String phrase) {
    Candidate c = phrase == null ? null : text.candidate(phrase);
    return c == null ? 0 : c.occurrences;
  }
}
