package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.KeywordCanonicalizer.Unit;
import io.paperstream.processor.enrich.Tokens.Join;
import io.paperstream.processor.enrich.Tokens.Token;
import io.paperstream.processor.normalize.UrlScan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The candidate keyphrases of a paper: the noun phrases of its title and abstract, and every
 * shorter phrase inside one that ends in a noun ("multimodal reasoning capabilities" also gives
 * "reasoning capabilities", "multimodal reasoning", "reasoning"), each in canonical form
 * ({@link KeywordCanonicalizer}) with its counts ({@link Candidate}).
 *
 * <p>Noun-phrase chunking by part of speech ({@link PosLexicon}): a phrase is a run of nouns,
 * proper nouns, adjectives, hyphenated compounds ("rule-based", "text-to-image") and participles
 * used as modifiers ("hidden states", "supervised fine-tuning"); a verb, an adverb, a function
 * word, a number, punctuation or a phrase-breaking word ({@link Vocabulary#PHRASE_BREAKERS}:
 * reporting verbs, hedges, evaluative adjectives) ends it, so that verbs and clause fragments
 * never become keywords. A candidate ends in a noun, a proper noun or a compound.
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

  private static final Set<String> RUN_TAGS = Set.of(PosLexicon.NOUN, PosLexicon.PROPN, PosLexicon.ADJ, "X",
      Chain.COMPOUND, PosLexicon.VERB);
  private static final Set<String> END_TAGS = Set.of(PosLexicon.NOUN, PosLexicon.PROPN, "X", Chain.COMPOUND);

  /** Dictionary concepts that contain stop words, word by word, to be found spelled out in text. */
  private static final List<String[]> SPELLED_OUT = Vocabulary.ACRONYMS.values().stream()
      .distinct()
      .sorted()
      .map(concept -> concept.split(" "))
      .filter(words -> Arrays.stream(words).anyMatch(Vocabulary.PHRASE_BREAKERS::contains))
      .toList();

  private final KeywordCanonicalizer canonicalizer;
  private final PosLexicon lexicon;
  /** {@link #SPELLED_OUT}, each word singular: what a text's words are compared with. */
  private final List<String[]> spelledOutSingular;

  NounPhraseCandidates(KeywordCanonicalizer canonicalizer, PosLexicon lexicon) {
    this.canonicalizer = canonicalizer;
    this.lexicon = lexicon;
    Singularizer singularizer = canonicalizer.singularizer();
    this.spelledOutSingular = SPELLED_OUT.stream()
        .map(words -> Arrays.stream(words).map(singularizer::singular).toArray(String[]::new))
        .toList();
  }

  /**
   * What a paper's text offers: its candidates in order of first occurrence (also by phrase),
   * its length in words, the acronyms it defines, and the most occurrences of any candidate.
   */
  record Text(List<Candidate> candidates, Map<String, Candidate> byPhrase, int words,
      Map<String, String> definitions, int maxOccurrences) {

    /** The candidate of a canonical phrase, or null. */
    Candidate candidate(String phrase) {
      return byPhrase.get(phrase);
    }
  }

  Text of(String title, String abstractText) {
    List<Segment> segments = new ArrayList<>(2);
    for (String text : new String[] {title, abstractText}) {
      String[] tail = new String[1];
      List<Token> words = text == null ? List.of()
          : canonicalizer.tokens().of(withoutLinks(text), tail);
      if (words.size() > MAX_WORDS) {
        words = words.subList(0, MAX_WORDS);
        tail[0] = "";
      }
      segments.add(new Segment(words, tail[0], segments.isEmpty()));
    }
    Map<String, String> defined = new HashMap<>();
    for (Segment segment : segments) {
      canonicalizer.findDefinitions(segment, defined);
    }
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    int offset = 0;
    for (Segment segment : segments) {
      List<Chain> chains = chains(segment, defined);
      int colon = colon(segment);
      int start = -1;
      for (int i = 0; i <= chains.size(); i++) {
        boolean ends = i == chains.size() || !chains.get(i).inPhrase() || chains.get(i).afterPunctuation();
        if (ends && start >= 0) {
          Chain first = chains.get(start);
          int end = i < chains.size() ? chains.get(i).start : segment.words.size();
          spans(chains.subList(start, i), segment.title, introduced(segment, first.start),
              segment.title && end <= colon, offset, candidates);
          start = -1;
        }
        if (i < chains.size() && chains.get(i).inPhrase() && start < 0) {
          start = i;
        }
      }
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
    return new Text(List.copyOf(candidates.values()), candidates, offset, defined, maxOccurrences);
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
        units.addAll(run.get(b).units);
        capitalized |= run.get(b).capitalized;
        initialCapitals &= run.get(b).initialCapitals;
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
            p -> new Candidate(p, first.tag, last.tag, offset + first.start));
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

  /** A capital after the first letter ("GraphRAG", "ViT"): a name, not a title-cased word. */
  private static boolean hasInnerCapital(String surface) {
    for (int i = 1; i < surface.length(); i++) {
      if (Character.isUpperCase(surface.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The words of a segment grouped into hyphen chains, each tagged. */
  private List<Chain> chains(Segment segment, Map<String, String> defined) {
    List<Token> words = segment.words;
    boolean[] spelledOut = spelledOutConcepts(words);
    List<Chain> chains = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int end = i + 1;
      while (end < words.size() && words.get(end).join() == Join.HYPHEN && !spelledOut[end]) {
        end++;
      }
      if (spelledOut[i]) {
        while (end < words.size() && spelledOut[end] && words.get(end).join() != Join.BREAK) {
          end++;
        }
      }
      List<Unit> units = new ArrayList<>(end - i);
      for (int j = i; j < end; j++) {
        units.add(canonicalizer.unit(words.get(j), defined));
      }
      String tag = tag(segment, units, i, end, spelledOut[i]);
      // only chains in a phrase become candidates, whose capitals are asked
      boolean capitalized = false;
      for (int j = i; j < end && tag != null && !capitalized; j++) {
        capitalized = hasInnerCapital(words.get(j).surface());
      }
      boolean initialCapitals = tag != null;
      for (int j = i; j < end && initialCapitals; j++) {
        String surface = words.get(j).surface();
        initialCapitals = !surface.isEmpty() && Character.isUpperCase(surface.charAt(0));
      }
      chains.add(new Chain(units, i, tag, capitalized, initialCapitals));
      i = end;
    }
    return chains;
  }

  /** The chain's part of speech, or null when it cannot be part of a noun phrase. */
  private String tag(Segment segment, List<Unit> units, int from, int to, boolean spelledOut) {
    if (spelledOut) {
      return PosLexicon.NOUN;
    }
    for (int j = from; j < to; j++) {
      Token token = segment.words.get(j);
      if (segment.definitionSites.contains(j) || token.other() || token.hasDot() && !token.versionName()) {
        return null;
      }
    }
    if (units.size() > 1) {
      String compound = String.join("-", units.stream().map(u -> u.token().term()).toList());
      boolean content = units.stream().anyMatch(u -> !u.isStopWord() && !u.token().number());
      if (!content) {
        return null;
      }
      // a filler ("state-of-the-art", "end-to-end") may qualify a noun, as an adjective does, and
      // the ranker judges the phrase; it is never a keyword alone
      return Vocabulary.FILLER_COMPOUNDS.contains(compound) ? PosLexicon.ADJ : Chain.COMPOUND;
    }
    Unit unit = units.get(0);
    if (unit.expansion() != null) {
      return PosLexicon.PROPN;
    }
    if (unit.token().number()) {
      // a number right after a capitalized word is part of a name: "Gemini 2.0", "Llama 3"
      Token before = from > 0 ? segment.words.get(from - 1) : null;
      boolean named = before != null && unit.token().join() == Join.SPACE && !before.number()
          && Character.isUpperCase(before.surface().charAt(0)) && !Vocabulary.PHRASE_BREAKERS.contains(before.term());
      return named ? PosLexicon.PROPN : null;
    }
    if (unit.isStopWord()) {
      return null;
    }
    String tag = lexicon.tag(unit.token());
    if (PosLexicon.VERB.equals(tag)) {
      String term = unit.token().term();
      // participles modify nouns ("hidden states", "supervised fine-tuning"); other verb forms end a
      // phrase, and so does a participle right after a subject or a conjunction: a verb of its clause
      // ("... and carried concomitant improvement", "which drifted")
      boolean participle = term.endsWith("ing") || term.endsWith("ed") || term.endsWith("en");
      String before = from > 0 ? segment.words.get(from - 1).term() : "";
      return participle && !Vocabulary.CLAUSE_OPENERS.contains(before) ? tag : null;
    }
    return RUN_TAGS.contains(tag) ? tag : null;
  }

  /**
   * Words that spell out a dictionary concept containing stop words ("mixture of experts",
   * "chain of thought"): their stop words must not split the concept.
   */
  private boolean[] spelledOutConcepts(List<Token> words) {
    boolean[] inside = new boolean[words.size()];
    // each word's singular, computed once and only when compared
    String[] singular = new String[words.size()];
    Singularizer singularizer = canonicalizer.singularizer();
    for (int i = 0; i < words.size(); i++) {
      for (String[] concept : spelledOutSingular) {
        int k = concept.length;
        if (i + k > words.size()) {
          continue;
        }
        boolean match = true;
        for (int j = 0; j < k && match; j++) {
          Token word = words.get(i + j);
          if (j == 0 || word.join() != Join.BREAK) {
            if (singular[i + j] == null) {
              singular[i + j] = singularizer.singular(word.term());
            }
            match = singular[i + j].equals(concept[j]);
          } else {
            match = false;
          }
        }
        if (match) {
          Arrays.fill(inside, i, i + k, true);
        }
      }
    }
    return inside;
  }

  /**
   * One word, or words joined by hyphens, with its part of speech (null: breaks phrases) and
   * whether a word of it has a capital after its first letter, whether every word begins with one.
   */
  private record Chain(List<Unit> units, int start, String tag, boolean capitalized, boolean initialCapitals) {
    static final String COMPOUND = "COMPOUND";

    boolean inPhrase() {
      return tag != null;
    }

    boolean afterPunctuation() {
      return units.get(0).token().join() == Join.BREAK;
    }

    /**
     * Whether a phrase may end here: a noun, a proper noun, an -ing word known as a noun
     * ("reasoning"), or a compound that does not end like a participle ("fine-tuning" may,
     * "fine-tuned" may not); after a modifier ({@code afterModifier}), any -ing word, the name of
     * an activity ("data cleaning", "instruction following").
     */
    boolean canEnd(boolean afterModifier) {
      String last = units.get(units.size() - 1).token().term();
      if (COMPOUND.equals(tag)) {
        return !last.endsWith("ed");
      }
      return END_TAGS.contains(tag)
          || units.size() == 1 && (Vocabulary.ING_NOUNS.contains(last) || afterModifier && last.endsWith("ing"));
    }
  }
}
