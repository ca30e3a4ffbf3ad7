package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.Tokens.Join;
import io.paperstream.processor.enrich.Tokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One spelling per concept, so that papers that say it differently are counted together, and
 * so that a query for any variant finds the keyword: lower case, hyphens as spaces, the head
 * noun singular ("Large-Language Models" → "large language model"; in "X of Y" the head is X:
 * "mixtures of experts" → "mixture of experts"), acronyms replaced by what they stand for.
 *
 * <p>An acronym means what the text itself defines it as ("Deep Neural Networks (DNNs)" makes
 * every later DNN/DNNs "deep neural network", {@link AcronymDefinitions}); failing that, a small
 * dictionary of very common ML acronyms ({@link Vocabulary#ACRONYMS}); any other acronym stays
 * as itself, lower case and singular. Two hyphen rules keep meaning: a stop word that begins or
 * ends a hyphenated compound stays attached ("in-context learning", "out-of-distribution",
 * "follow-up"), and a prefixed word has one spelling ("pre-training", "pre training" and
 * "pretraining" are "pre training", {@link Vocabulary#SPLIT_PREFIXES}). Every canonical form is
 * its own canonical form.
 *
 * <p>Thread-safe and stateless apart from Lucene's per-thread token streams.
 */
public final class KeywordCanonicalizer {

  /** {@link Vocabulary#SPLIT_PREFIXES} cut at the bar, once: "pre|train" → "pre", "train". */
  private static final String[] PREFIX_HEADS = Vocabulary.SPLIT_PREFIXES.stream()
      .map(p -> p.substring(0, p.indexOf('|'))).toArray(String[]::new);
  private static final String[] PREFIX_TAILS = Vocabulary.SPLIT_PREFIXES.stream()
      .map(p -> p.substring(p.indexOf('|') + 1)).toArray(String[]::new);
  /** The first words of {@link Vocabulary#JOINED_SPELLINGS}' keys. */
  private static final Set<String> JOINED_FIRST_WORDS = Vocabulary.JOINED_SPELLINGS.keySet().stream()
      .map(k -> k.substring(0, k.indexOf(' '))).collect(Collectors.toUnmodifiableSet());

  private final Tokens tokens;
  private final Singularizer singularizer = new Singularizer();
  private final AcronymDefinitions definitions = new AcronymDefinitions(this);

  public KeywordCanonicalizer() {
    this(new Tokens());
  }

  KeywordCanonicalizer(Tokens tokens) {
    this.tokens = tokens;
  }

  /**
   * The canonical form of one phrase. "Large Language Models (LLMs)", "LLMs", "LLM",
   * "large-language model" and "large language model" all give "large language model". Leading
   * and trailing articles and prepositions are dropped ("the LLMs"); null or blank gives "".
   */
  public String canonical(String phrase) {
    return canonical(phrase, Map.of());
  }

  /** As {@link #canonical(String)}, with the acronyms a paper's text defined. */
  String canonical(String phrase, Map<String, String> textDefinitions) {
    if (phrase == null || phrase.isBlank()) {
      return "";
    }
    String[] tail = new String[1];
    List<Token> words = tokens.of(phrase, tail);
    Segment segment = new Segment(words, tail[0], false);
    Map<String, String> defined = new HashMap<>(textDefinitions);
    definitions.find(segment, defined);
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!segment.definitionSites.contains(i) && !words.get(i).other()) {
        units.add(unit(words.get(i), defined));
      }
    }
    int from = 0;
    int to = units.size();
    while (from < to && units.get(from).isEdgeStopWord() && !gluedToNext(units, from, to)) {
      from++;
    }
    while (to > from && units.get(to - 1).isEdgeStopWord() && !gluedToPrevious(units, from, to - 1)) {
      to--;
    }
    if (from == to) {
      // nothing but stop words: keep them, lower case, so the result is still a fixed point
      return String.join(" ", units.stream().map(u -> u.token().term()).toList());
    }
    return canonicalWords(units.subList(from, to));
  }

  /** Finds the acronyms a segment defines; see {@link AcronymDefinitions}. */
  void findDefinitions(Segment segment, Map<String, String> defined) {
    definitions.find(segment, defined);
  }

  Tokens tokens() {
    return tokens;
  }

  Singularizer singularizer() {
    return singularizer;
  }

  /**
   * Words of the units, acronyms expanded, hyphens gone (except that a stop word beginning or
   * ending the phrase stays hyphenated to its word: "in-context"), prefixes joined
   * ("pre-training" → "pretraining"), the head noun singular.
   */
  String canonicalWords(List<Unit> units) {
    int from = 0;
    int to = units.size();
    StringBuilder prefix = new StringBuilder();
    while (from < to - 1 && gluedToNext(units, from, to)) {
      prefix.append(units.get(from).token().term()).append('-');
      from++;
    }
    StringBuilder suffix = new StringBuilder();
    while (to - 1 > from && gluedToPrevious(units, from, to - 1)) {
      suffix.insert(0, "-" + units.get(to - 1).token().term());
      to--;
    }
    List<String> words = new ArrayList<>(to - from + 2);
    for (int u = from; u < to; u++) {
      Unit unit = units.get(u);
      if (unit.expansion() != null) {
        addWords(unit.expansion(), words);
      } else {
        words.add(wordForm(unit.token()));
      }
    }
    if (words.isEmpty()) {
      return "";
    }
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      for (int p = 0; p < PREFIX_HEADS.length; p++) {
        String head = PREFIX_HEADS[p];
        if (word.length() >= head.length() + PREFIX_TAILS[p].length() && word.startsWith(head)
            && word.startsWith(PREFIX_TAILS[p], head.length())) {
          words.set(i, word.substring(head.length()));
          words.add(i, word.substring(0, head.length()));
          break;
        }
      }
      // the key is built only for a word that begins one (this runs for every word of every candidate)
      String joined = i + 1 < words.size() && JOINED_FIRST_WORDS.contains(word)
          ? Vocabulary.JOINED_SPELLINGS.get(word + " " + words.get(i + 1)) : null;
      if (joined != null) {
        words.set(i, joined);
        words.remove(i + 1);
      }
    }
    int n = words.size();
    // the head of "X of Y" is X (mixture of experts); otherwise the last word
    int head = n >= 3 && words.get(n - 2).equals("of") ? n - 3 : n - 1;
    words.set(head, singularizer.singular(words.get(head)));
    if (prefix.length() > 0) {
      words.set(0, prefix + words.get(0));
    }
    if (suffix.length() > 0) {
      words.set(n - 1, words.get(n - 1) + suffix);
    }
    return n == 1 ? words.get(0) : String.join(" ", words);
  }

  /** The words of an expansion (canonical words, one space between). */
  private static void addWords(String expansion, List<String> words) {
    int start = 0;
    for (int space = expansion.indexOf(' '); space >= 0; space = expansion.indexOf(' ', start)) {
      words.add(expansion.substring(start, space));
      start = space + 1;
    }
    words.add(start == 0 ? expansion : expansion.substring(start));
  }

  /** Whether unit {@code i} is a stop word that begins a hyphenated compound ("in-context"). */
  static boolean gluedToNext(List<Unit> units, int i, int to) {
    // the hyphen first: it is the rare condition, and this runs for both ends of every candidate
    Unit unit = units.get(i);
    return i + 1 < to && units.get(i + 1).token().join() == Join.HYPHEN && unit.expansion() == null
        && Vocabulary.GLUED_WHEN_HYPHENATED.contains(unit.token().term());
  }

  /** Whether unit {@code i} is a stop word that ends a hyphenated compound ("follow-up"). */
  static boolean gluedToPrevious(List<Unit> units, int from, int i) {
    Unit unit = units.get(i);
    return i > from && unit.token().join() == Join.HYPHEN && unit.expansion() == null
        && Vocabulary.GLUED_WHEN_HYPHENATED.contains(unit.token().term());
  }

  /** An unexpanded word: an acronym as its lower-case singular key, anything else as the term. */
  static String wordForm(Token token) {
    return token.acronym() ? Acronyms.key(token.surface()) : token.term();
  }

  Unit unit(Token token, Map<String, String> defined) {
    return new Unit(token, expansion(token, defined));
  }

  /**
   * What an acronym stands for: the text's own definition (only for a word printed as an
   * acronym, so that a defined "CAT" leaves the animal alone), else the dictionary (any case, so
   * that a user's "llms" works too), else null.
   */
  private String expansion(Token token, Map<String, String> defined) {
    if (token.number() || token.other()) {
      return null;
    }
    if (token.acronym()) {
      String key = Acronyms.key(token.surface());
      String own = defined.get(key);
      if (own != null) {
        return own;
      }
      String known = Vocabulary.ACRONYMS.get(key);
      if (known != null) {
        return known;
      }
    }
    return Vocabulary.ACRONYMS.get(singularizer.singular(token.term()));
  }

  /** A word of a phrase, with the expansion it stands for when it is a known acronym. */
  record Unit(Token token, String expansion) {

    boolean isStopWord() {
      return expansion == null && Vocabulary.PHRASE_BREAKERS.contains(token.term());
    }

    boolean isEdgeStopWord() {
      return expansion == null && Vocabulary.EDGE_STOP_WORDS.contains(token.term());
    }
  }
}
