package io.paperstream.processor.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical keyphrases of a paper, from its title and abstract, for per-keyword counts and
 * trends: the keyphrases a reader would choose.
 *
 * <ol>
 *   <li>{@link NounPhraseCandidates}: noun phrases by part of speech, and the shorter phrases
 *       inside them that end in a noun, each in canonical form ({@link KeywordCanonicalizer});
 *   <li>{@link KeyphraseRanker}: gradient-boosted trees ({@link RankerModel}, trained on
 *       labeled pages by {@code papers train-keywords}) scores each candidate from its
 *       {@link CandidateFeatures}, using the {@link KeyphraseVocabulary} learned from the stream
 *       when there is one; candidates above the model's threshold are kept, at least
 *       {@link KeyphraseRanker#MIN_KEYWORDS} and at most {@link #maxKeywords()}.
 * </ol>
 *
 * Keywords the page supplies itself come first, canonicalized the same way; extracted ones fill
 * the remaining places. {@link #extract} is a pure function of (title, abstract, vocabulary).
 *
 * <p>Thread-safe, and cheap enough to run per record (about a millisecond for an abstract): the
 * model and lexicon load once from the jar; Lucene's token streams are reused per thread.
 */
public final class KeywordExtractor {

  /** Keywords per paper at most, when not configured. */
  public static final int DEFAULT_MAX_KEYWORDS = 15;

  private final int maxKeywords;
  private final KeywordCanonicalizer canonicalizer;
  private final NounPhraseCandidates candidates;
  private final KeyphraseRanker ranker;

  public KeywordExtractor() {
    this(DEFAULT_MAX_KEYWORDS);
  }

  public KeywordExtractor(int maxKeywords) {
    this(maxKeywords, RankerModel.shipped(), PosLexicon.shipped());
  }

  /** An extractor with another model, e.g. one just trained. */
  public KeywordExtractor(int maxKeywords, RankerModel model) {
    this(maxKeywords, model, PosLexicon.shipped());
  }

  /** An extractor with another model and lexicon, e.g. ones just trained together. */
  public KeywordExtractor(int maxKeywords, RankerModel model, PosLexicon lexicon) {
    if (maxKeywords < 1) {
      throw new IllegalArgumentException("maxKeywords must be at least 1, was " + maxKeywords);
    }
    this.maxKeywords = maxKeywords;
    this.canonicalizer = new KeywordCanonicalizer();
    this.candidates = new NounPhraseCandidates(canonicalizer, lexicon);
    this.ranker = new KeyphraseRanker(model);
  }

  public int maxKeywords() {
    return maxKeywords;
  }

  /** As {@link #keywords(String, String, List, KeyphraseVocabulary)} without a vocabulary. */
  public List<String> keywords(String title, String abstractText, List<String> sourceKeywords) {
    return keywords(title, abstractText, sourceKeywords, KeyphraseVocabulary.EMPTY);
  }

  /**
   * Up to {@link #maxKeywords()} distinct canonical keyphrases, best first: the page's own
   * keywords (canonicalized, in their order) ahead of those extracted from title and abstract.
   *
   * @param title the paper's title; may be null
   * @param abstractText the abstract; may be null
   * @param sourceKeywords keywords the page supplies itself; may be null or empty
   * @param vocabulary the keyphrases other papers chose
   */
  public List<String> keywords(String title, String abstractText, List<String> sourceKeywords,
      KeyphraseVocabulary vocabulary) {
    return extraction(title, abstractText, sourceKeywords, vocabulary).keywords();
  }

  /**
   * As {@link #keywords(String, String, List, KeyphraseVocabulary)}, with the candidate phrases
   * of the text kept: what a vocabulary lesson about the same paper needs, without reading the
   * text a second time.
   */
  public Extraction extraction(String title, String abstractText, List<String> sourceKeywords,
      KeyphraseVocabulary vocabulary) {
    return extraction(title, abstractText, null, sourceKeywords, vocabulary);
  }

  /**
   * As {@link #extraction(String, String, List, KeyphraseVocabulary)}, with the page's own
   * one-sentence summary of the paper ({@code summary}, may be null: Hugging Face's
   * {@code ai_summary}), which tells the ranker what the paper is about; it adds no candidate.
   */
  public Extraction extraction(String title, String abstractText, String summary, List<String> sourceKeywords,
      KeyphraseVocabulary vocabulary) {
    NounPhraseCandidates.Text text = candidates.of(title, abstractText, summary);
    LinkedHashSet<String> result = new LinkedHashSet<>();
    if (sourceKeywords != null) {
      for (String keyword : sourceKeywords) {
        String canonical = canonicalizer.canonical(keyword, text.definitions());
        if (result.size() < maxKeywords && isKeyword(canonical)) {
          result.add(canonical);
        }
      }
    }
    if (result.isEmpty()) {
      result.addAll(ranker.rank(text, vocabulary, maxKeywords));
    }
    return new Extraction(List.copyOf(result), text);
  }

  /** The extracted keyphrases alone: a pure function of title, abstract and vocabulary. */
  public List<String> extract(String title, String abstractText, KeyphraseVocabulary vocabulary) {
    return extract(title, abstractText, null, vocabulary);
  }

  /** The extracted keyphrases alone: a pure function of title, abstract, summary (may be null) and vocabulary. */
  public List<String> extract(String title, String abstractText, String summary, KeyphraseVocabulary vocabulary) {
    return ranker.rank(candidates.of(title, abstractText, summary), vocabulary, maxKeywords);
  }

  /** The canonical candidate phrases of a text, what a vocabulary counts as seen. */
  public Set<String> candidatePhrases(String title, String abstractText) {
    return phrasesOf(candidates.of(title, abstractText));
  }

  private static Set<String> phrasesOf(NounPhraseCandidates.Text text) {
    Set<String> phrases = new LinkedHashSet<>();
    text.candidates().forEach(c -> phrases.add(c.phrase));
    return phrases;
  }

  /**
   * One paper's keywords and what its text offered. Immutable; the candidate phrases are
   * collected only when asked for (a paper without keywords of its own teaches no vocabulary).
   */
  public static final class Extraction {
    private final List<String> keywords;
    private final NounPhraseCandidates.Text text;

    private Extraction(List<String> keywords, NounPhraseCandidates.Text text) {
      this.keywords = keywords;
      this.text = text;
    }

    /** What {@link KeywordExtractor#keywords} returns for the paper. */
    public List<String> keywords() {
      return keywords;
    }

    /** What {@link KeywordExtractor#candidatePhrases} returns for the same title and abstract. */
    public Set<String> candidatePhrases() {
      return phrasesOf(text);
    }
  }

  /**
   * The canonical form of one phrase: what {@link #keywords} would call it (see
   * {@link KeywordCanonicalizer#canonical(String)}).
   */
  public String canonical(String phrase) {
    return canonicalizer.canonical(phrase);
  }

  /** Whether {@code word} (any case) is one of the words that never start or end a keyphrase. */
  boolean isStopWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return Vocabulary.PHRASE_BREAKERS.contains(lower);
  }

  /** A phrase worth returning: not empty, not a number, not made of stop words only. */
  private static boolean isKeyword(String canonical) {
    if (canonical.isBlank()) {
      return false;
    }
    boolean anyContent = false;
    boolean anyLetter = false;
    for (String word : canonical.split(" ")) {
      anyContent |= !Vocabulary.PHRASE_BREAKERS.contains(word);
      anyLetter |= word.chars().anyMatch(Character::isLetter);
    }
    return anyContent && anyLetter;
  }
}
