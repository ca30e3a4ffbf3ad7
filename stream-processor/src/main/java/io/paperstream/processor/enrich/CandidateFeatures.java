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
      "generic-head", "all-generic", "has-digit",
      "vocabulary-log-papers", "vocabulary-known", "vocabulary-common", "vocabulary-head-log-papers",
      "vocabulary-keyphraseness", "vocabulary-log-seen", "vocabulary-unseen");

  /** Index of the first vocabulary feature: a model without vocabulary ignores those from here on. */
  static final int FIRST_VOCABULARY = NAMES.indexOf("vocabulary-log-papers");

  private CandidateFeatures() {}

  static double[] of(Candidate c, int textWords, KeyphraseVocabulary vocabulary) {
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
    if (vocabulary.papers() > 0) {
      long chosen = vocabulary.papersWith(c.phrase);
      f[23] = Math.log1p(chosen);
      f[24] = chosen > 0 ? 1 : 0;
      f[25] = chosen >= 5 ? 1 : 0;
      f[26] = words.length > 1 ? Math.log1p(vocabulary.papersWith(words[words.length - 1])) : 0;
      long seen = vocabulary.papersSeen(c.phrase);
      f[27] = (chosen + 0.5) / (Math.max(seen, chosen) + 2.0);
      f[28] = Math.log1p(seen);
      f[29] = seen == 0 ? 1 : 0;
    }
    return f;
  }
}
