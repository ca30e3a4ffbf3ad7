package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.KeywordCanonicalizer.Unit;
import io.paperstream.processor.enrich.Tokens.Join;
import io.paperstream.processor.enrich.Tokens.Token;
import io.paperstream.processor.normalize.UrlScan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The candidate keyphrases of a paper: the noun phrases of its title and abstract, and every
 * shorter phrase inside one that ends in a noun ("multimodal reasoning capabilities" also gives
 * "reasoning capabilities", "multimodal reasoning", "reasoning"), each in canonical form
 * ({@link KeywordCanonicalizer}) with its counts ({@link Candidate}).
 *
 * <p>Noun-phrase chunking by part of speech ({@link PosLexicon}; the words are tagged by
 * {@link ChainTagger}): a phrase is a run of nouns, proper nouns, adjectives, hyphenated
 * compounds ("rule-based", "text-to-image") and participles used as modifiers ("hidden states",
 * "supervised fine-tuning"); a verb, an adverb, a function word, a number, punctuation or a
 * phrase-breaking word ({@link Vocabulary#PHRASE_BREAKERS}: reporting verbs, hedges, evaluative
 * adjectives) ends it, so that verbs and clause fragments never become keywords. A candidate
 * ends in a noun, a proper noun or a compound.
 *
 * <p>Every step is linear in the text: links are cut out with bounded patterns (a 100,000
 * character run without spaces must not cost quadratic time), Lucene's tokenizer is linear,
 * and each word starts at most {@link #MAX_UNITS} candidates. Thread-safe.
 */
final class NounPhraseCandidates {

  /** The longest candidate, in words or compounds. */
  static final int MAX_UNITS = 5;
  /** Words read per text at most: an abstract has a few hundred; anything beyond is not prose. */
  static final int MAX_WORDS = 5_000;

  /**
   * Links and e-mail addresses are not prose: they are cut out before splitting. Every part is
   * bounded so that a long run of text without spaces costs linear time: an unbounded
   * {@code \\S+@} is tried from every start position and is quadratic (a 100,000-character title
   * took ~19 s and stalled the exactly-once transaction). An address must also begin a word (the
   * look-behind), so inside a long run each start position fails at once instead of reading up
   * to 64 characters.
   */
  static final Pattern LINK = Pattern.compile(
      "(?i)(?:https?://|www\\.)\\S+|(?<![^\\s(<\\[])[^\\s@]{1,64}+@[^\\s@]{1,253}\\.\\w{1,63}");
  /** {@link #LINK}'s first branch: all it can match in a text without an '@'. */
  private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");

  private final KeywordCanonicalizer canonicalizer;
  private final ChainTagger chains;

  NounPhraseCandidates(KeywordCanonicalizer canonicalizer, PosLexicon lexicon) {
    this.canonicalizer = canonicalizer;
    this.chains = new ChainTagger(canonicalizer, lexicon);
  }

  /**
   * What a paper's text offers: its candidates in order of first occurrence (also by phrase),
   * its length in words, the acronyms it defines, and the most occurrences of any candidate.
   */
  record Text(List<Candidate> candidates, Map<String, Candidate> byPhrase, int words,
      Map<String, String> definitions, int maxOccurrences, boolean hasSummary) {

    /** The candidate of a canonical phrase, or null. */
    Candidate candidate(String phrase) {
      return byPhrase.get(phrase);
    }
  }

  Text of(String title, String abstractText) {
    return of(title, abstractText, null);
  }

  /**
   * As {@link #of(String, String)}, with what the page's own summary ({@code summary}, may be
   * null) says of each candidate ({@link Candidate#inSummary}); the summary adds no candidate.
   */
  Text of(String title, String abstractText, String summary) {
    List<Segment> segments = List.of(segment(title, true), segment(abstractText, false));
    Map<String, String> defined = new HashMap<>();
    for (Segment segment : segments) {
      canonicalizer.findDefinitions(segment, defined);
    }
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    int offset = 0;
    for (Segment segment : segments) {
      chunk(segment, defined, offset, candidates);
      offset += segment.words.size();
    }
    for (String concept : defined.values()) {
      Candidate candidate = candidates.get(concept);
      if (candidate != null) {
        candidate.definedConcept = true;
      }
    }
    int maxOccurrences = 0;
    for (Candidate c : candidates.values()) {
      maxOccurrences = Math.max(maxOccurrences, c.occurrences);
      c.settleContainers();
    }
    boolean hasSummary = summary != null && !summary.isBlank();
    if (hasSummary) {
      countInSummary(segment(summary, false), defined, candidates);
    }
    return new Text(List.copyOf(candidates.values()), candidates, offset, defined, maxOccurrences, hasSummary);
  }

  private Segment segment(String text, boolean title) {
    String[] tail = new String[1];
    List<Token> words = text == null ? List.of() : canonicalizer.tokens().of(withoutLinks(text), tail);
    if (words.size() > MAX_WORDS) {
      words = words.subList(0, MAX_WORDS);
      tail[0] = "";
    }
    return new Segment(words, tail[0], title);
  }

  /** Every noun phrase of a segment, and its sub-phrases, counted into {@code candidates}. */
  private void chunk(Segment segment, Map<String, String> defined, int offset, Map<String, Candidate> candidates) {
    List<Chain> chains = this.chains.of(segment, defined);
    int colon = colon(segment);
    int start = -1;
    for (int i = 0; i <= chains.size(); i++) {
      boolean ends = i == chains.size() || !chains.get(i).inPhrase() || chains.get(i).afterPunctuation();
      if (ends && start >= 0) {
        Chain first = chains.get(start);
        int end = i < chains.size() ? chains.get(i).start() : segment.words.size();
        spans(chains.subList(start, i), segment.title, introduced(segment, first.start()),
            segment.title && end <= colon, offset, candidates);
        start = -1;
      }
      if (i < chains.size() && chains.get(i).inPhrase() && start < 0) {
        start = i;
      }
    }
  }

  /** The summary's noun phrases, chunked as the abstract's, counted on the candidates they match. */
  private void countInSummary(Segment summary, Map<String, String> defined, Map<String, Candidate> candidates) {
    Map<String, Candidate> said = new LinkedHashMap<>();
    chunk(summary, defined, 0, said);
    for (Candidate s : said.values()) {
      Candidate c = candidates.get(s.phrase);
      if (c != null) {
        c.inSummary = s.occurrences;
        c.wholeInSummary = s.whole > 0;
      }
    }
  }

  /** {@code text} with its links cut out ({@link #LINK}), without running the pattern over text that holds none. */
  static String withoutLinks(String text) {
    if (text.indexOf('@') >= 0) {
      return LINK.matcher(text).replaceAll(" ; ");
    }
    // without an '@' only LINK's first branch can match, and without "://" or "www." not even that
    return UrlScan.mayHoldUrl(text) ? URL.matcher(text).replaceAll(" ; ") : text;
  }


  /** Every sub-phrase of one noun phrase that ends in a noun, counted. */
  private void spans(List<Chain> run, boolean title, boolean introduced, boolean beforeColon, int offset,
      Map<String, Candidate> candidates) {
    Candidate[][] at = new Candidate[run.size()][MAX_UNITS];
    for (int a = 0; a < run.size(); a++) {
      List<Unit> units = new ArrayList<>();
      boolean capitalized = false;
      boolean initialCapitals = true;
      for (int b = a; b < run.size() && b < a + MAX_UNITS; b++) {
        units.addAll(run.get(b).units());
        capitalized |= run.get(b).capitalized();
        initialCapitals &= run.get(b).initialCapitals();
        if (!run.get(b).canEnd(b > a)) {
          continue;
        }
        String phrase = canonicalizer.canonicalWords(units);
        if (phrase.isEmpty() || b == a && allGeneric(phrase)) {
          continue;
        }
        Chain first = run.get(a);
        Chain last = run.get(b);
        Candidate candidate = candidates.computeIfAbsent(phrase,
            p -> new Candidate(p, first.tag(), last.tag(), offset + first.start()));
        candidate.occurrences++;
        candidate.inTitle += title ? 1 : 0;
        candidate.whole += a == 0 && b == run.size() - 1 ? 1 : 0;
        candidate.atStart += a == 0 ? 1 : 0;
        candidate.atEnd += b == run.size() - 1 ? 1 : 0;
        candidate.longestRun = Math.max(candidate.longestRun, run.size());
        candidate.capitalized |= capitalized;
        // every word capitalized, and more than a sentence's first word
        candidate.titleCased += !title && initialCapitals
            && (units.size() > 1 || units.get(0).token().join() != Join.BREAK) ? 1 : 0;
        candidate.introduced |= a == 0 && introduced;
        candidate.beforeColon |= a == 0 && beforeColon;
        at[a][b - a] = candidate;
      }
    }
    // each span's nearest longer spans, one more chain to the left and the next that ends to the right
    for (int a = 0; a < run.size(); a++) {
      Candidate right = null;
      for (int len = MAX_UNITS - 1; len >= 0; len--) {
        Candidate c = at[a][len];
        if (c == null) {
          continue;
        }
        Candidate left = a > 0 && len + 1 < MAX_UNITS ? at[a - 1][len + 1] : null;
        c.addContainer(left);
        c.addContainer(right);
        right = c;
      }
    }
  }

  /**
   * Made only of words too generic to name anything ("method", "approach"): such a word alone is
   * no candidate; two of them may be one ("world model", "feature learning"), for the ranker to judge.
   */
  private static boolean allGeneric(String phrase) {
    int start = 0;
    for (int space = phrase.indexOf(' '); ; space = phrase.indexOf(' ', start)) {
      int end = space < 0 ? phrase.length() : space;
      if (end - start > 2 && !Vocabulary.GENERIC.contains(start == 0 && space < 0 ? phrase : phrase.substring(start, end))) {
        return false;
      }
      if (space < 0) {
        return true;
      }
      start = space + 1;
    }
  }

  /**
   * Whether the word at {@code start} is what a reporting verb names, the usual way to introduce a
   * paper's own method, dataset or finding ("we propose Radial Attention", "we introduce a
   * benchmark"): the verb right before it or before an article.
   */
  private static boolean introduced(Segment segment, int start) {
    int before = start - 1;
    if (before >= 0 && Vocabulary.EDGE_STOP_WORDS.contains(segment.words.get(before).term())) {
      before--;
    }
    return before >= 0 && Vocabulary.INTRODUCING_VERBS.contains(segment.words.get(before).term());
  }

  /** The first word after a colon in a title ("SparseLoRA: Accelerating ..."), else past the end. */
  private static int colon(Segment segment) {
    for (int i = 1; segment.title && i < segment.words.size(); i++) {
      if (segment.words.get(i).gapBefore().indexOf(':') >= 0) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
