package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.Tokens.Join;
import io.paperstream.processor.enrich.Tokens.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Canonical keyphrases of a paper, from its title and abstract, for per-keyword counts and
 * trends.
 *
 * <h2>Canonical form</h2>
 * One spelling per concept, so that papers that say it differently are counted together: lower
 * case, hyphens as spaces, the head noun singular ("Large-Language Models" → "large language
 * model"; in "X of Y" the head is X: "mixtures of experts" → "mixture of experts"), acronyms
 * replaced by what they stand for. An acronym means what the text itself defines it as ("Deep
 * Neural Networks (DNNs)" makes every later DNN/DNNs "deep neural network"); failing that, a
 * small dictionary of very common ML acronyms ({@link Vocabulary#ACRONYMS}) is the fallback;
 * any other acronym stays as itself, lower case and singular. Two hyphen rules keep meaning: a
 * stop word that begins or ends a hyphenated compound stays attached ("in-context learning",
 * "out-of-distribution", "one-step", "follow-up"), and a few prefixes are joined, so that
 * "pre-training", "pre training" and "pretraining" are one keyword
 * ({@link Vocabulary#JOINED_PREFIXES}). {@link #canonical(String)} is the same function for a
 * single phrase, so a query for "LLMs" finds "large language model"; every keyword returned is
 * its own canonical form.
 *
 * <h2>Extraction</h2>
 * RAKE-like (Rose et al., "Automatic keyword extraction from individual documents", 2010):
 * <ol>
 *   <li>Lucene splits the text into words ({@link Tokens}); candidate phrases are the runs of
 *       words between punctuation and phrase-breaking words ({@link Vocabulary#PHRASE_BREAKERS}:
 *       Lucene's English stop words plus reporting verbs and hedges; also any "-ly" adverb).
 *       A stop word inside a hyphenated compound ("text-to-image") or inside a spelled-out
 *       dictionary concept ("mixture of experts") does not break it. Numbers and links break
 *       runs, so a keyword is never a number. An "-ing" word that is not a known noun at either
 *       end of a run, or an "-ed" word at its end, is a verb and is cut off ("generating visual
 *       tokens" → "visual token"). Runs of more than four words are too specific to be shared
 *       keywords; they are not candidates, but the shorter candidates they contain are credited.
 *   <li>Each word scores degree/frequency over the runs it occurs in (RAKE), ×1.5 when it occurs
 *       in the title; a phrase scores the sum of its words, × (1 + ln occurrences), × 2 when it
 *       occurs in the title. An expanded acronym also counts as a candidate of its own each time
 *       it is used, so a concept the abstract keeps coming back to ranks high.
 *   <li>Candidates made only of generic words ({@link Vocabulary#GENERIC}: "method", "model",
 *       "result", ...) and one- or two-letter words are dropped.
 * </ol>
 * Keywords the page supplies itself come first, canonicalized the same way; extracted ones
 * fill the remaining places, best first; ties go to the phrase that occurs first, then to
 * alphabetical order, so the output is deterministic.
 *
 * <p>Thread-safe, and cheap enough to run per record (well under a millisecond for a typical
 * abstract): the analyzer is built once and reuses its token streams per thread.
 */
public final class KeywordExtractor {

  /** Keywords per paper when not configured. */
  public static final int DEFAULT_MAX_KEYWORDS = 12;
  /** The longest candidate phrase, in words; an expanded acronym counts as one. */
  static final int MAX_PHRASE_WORDS = 4;

  private static final double TITLE_WORD_BOOST = 1.5;
  private static final double TITLE_PHRASE_BOOST = 2.0;
  /**
   * Links and e-mail addresses are not prose: they are cut out before splitting. Every part is
   * bounded so that a long run of text without spaces costs linear time: an unbounded
   * {@code \\S+@} is tried from every start position and is quadratic (a 100,000-character title
   * took ~19 s and stalled the exactly-once transaction).
   */
  private static final Pattern LINK = Pattern.compile(
      "(?i)(?:https?://|www\\.)\\S+|[^\\s@]{1,64}+@[^\\s@]{1,253}\\.\\w{1,63}");

  /** Dictionary concepts that contain stop words, word by word, to be found spelled out in text. */
  private static final List<String[]> SPELLED_OUT = Vocabulary.ACRONYMS.values().stream()
      .distinct()
      .sorted()
      .map(concept -> concept.split(" "))
      .filter(words -> Arrays.stream(words).anyMatch(Vocabulary.PHRASE_BREAKERS::contains))
      .toList();

  private final int maxKeywords;
  private final Tokens tokens = new Tokens();
  private final Singularizer singularizer = new Singularizer();

  public KeywordExtractor() {
    this(DEFAULT_MAX_KEYWORDS);
  }

  public KeywordExtractor(int maxKeywords) {
    if (maxKeywords < 1) {
      throw new IllegalArgumentException("maxKeywords must be at least 1, was " + maxKeywords);
    }
    this.maxKeywords = maxKeywords;
  }

  public int maxKeywords() {
    return maxKeywords;
  }

  /**
   * Up to {@link #maxKeywords()} distinct canonical keyphrases, best first: the page's own
   * keywords (canonicalized, in their order) ahead of those extracted from title and abstract.
   *
   * @param title the paper's title; may be null
   * @param abstractText the abstract; may be null
   * @param sourceKeywords keywords the page supplies itself; may be null or empty
   */
  public List<String> keywords(String title, String abstractText, List<String> sourceKeywords) {
    List<Segment> segments = new ArrayList<>(2);
    int offset = 0;
    for (String text : new String[] {title, abstractText}) {
      String[] tail = new String[1];
      List<Token> words = text == null ? List.of() : tokens.of(LINK.matcher(text).replaceAll(" ; "), tail);
      segments.add(new Segment(words, tail[0] == null ? "" : tail[0], segments.isEmpty(), offset));
      offset += words.size();
    }
    Map<String, String> defined = new HashMap<>();
    for (Segment segment : segments) {
      findDefinitions(segment, defined);
    }

    LinkedHashSet<String> result = new LinkedHashSet<>();
    if (sourceKeywords != null) {
      for (String keyword : sourceKeywords) {
        if (result.size() >= maxKeywords) {
          break;
        }
        String canonical = canonical(keyword, defined);
        if (isKeyword(canonical)) {
          result.add(canonical);
        }
      }
    }
    if (result.size() < maxKeywords) {
      for (String phrase : extract(segments, defined)) {
        if (result.size() >= maxKeywords) {
          break;
        }
        result.add(phrase);
      }
    }
    return List.copyOf(result);
  }

  /**
   * The canonical form of one phrase: what {@link #keywords} would call it. "Large Language Models
   * (LLMs)", "LLMs", "LLM", "large-language model" and "large language model" all give "large
   * language model". Leading and trailing articles and prepositions are dropped ("the LLMs");
   * null or blank gives the empty string.
   */
  public String canonical(String phrase) {
    return canonical(phrase, Map.of());
  }

  /** Whether {@code word} (any case) is one of the words that never start or end a keyphrase. */
  boolean isStopWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return Vocabulary.PHRASE_BREAKERS.contains(lower) || (lower.indexOf(' ') < 0 && isAdverb(lower));
  }

  // ---- canonical form ---------------------------------------------------------------------------

  private String canonical(String phrase, Map<String, String> textDefinitions) {
    if (phrase == null || phrase.isBlank()) {
      return "";
    }
    String[] tail = new String[1];
    List<Token> words = tokens.of(phrase, tail);
    Segment segment = new Segment(words, tail[0], false, 0);
    Map<String, String> defined = new HashMap<>(textDefinitions);
    findDefinitions(segment, defined);
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
      return String.join(" ", units.stream().map(u -> u.token.term()).toList());
    }
    return canonicalWords(units.subList(from, to));
  }

  /**
   * Words of the units, acronyms expanded, hyphens gone (except that a stop word beginning or
   * ending the phrase stays hyphenated to its word: "in-context"), prefixes joined
   * ("pre-training" → "pretraining"), the head noun singular.
   */
  private String canonicalWords(List<Unit> units) {
    int from = 0;
    int to = units.size();
    StringBuilder prefix = new StringBuilder();
    while (from < to - 1 && gluedToNext(units, from, to)) {
      prefix.append(units.get(from).token.term()).append('-');
      from++;
    }
    StringBuilder suffix = new StringBuilder();
    while (to - 1 > from && gluedToPrevious(units, from, to - 1)) {
      suffix.insert(0, "-" + units.get(to - 1).token.term());
      to--;
    }
    List<String> words = new ArrayList<>();
    for (Unit unit : units.subList(from, to)) {
      if (unit.expansion != null) {
        words.addAll(List.of(unit.expansion.split(" ")));
      } else {
        words.add(wordForm(unit.token));
      }
    }
    if (words.isEmpty()) {
      return "";
    }
    for (int i = 0; i < words.size() - 1; i++) {
      String word = words.get(i);
      String next = words.get(i + 1);
      boolean prefixWord = Vocabulary.JOINED_PREFIXES.contains(word)
          || (word.equals("fine") && Vocabulary.joinsFine(next));
      if (prefixWord && Character.isLetter(next.charAt(0))) {
        words.set(i, word + next);
        words.remove(i + 1);
        i--;
      }
    }
    int n = words.size();
    // the head of "X of Y" is X (mixture of experts); otherwise the last word
    int head = n >= 3 && words.get(n - 2).equals("of") ? n - 3 : n - 1;
    words.set(head, singularizer.singular(words.get(head)));
    words.set(0, prefix + words.get(0));
    words.set(n - 1, words.get(n - 1) + suffix);
    return String.join(" ", words);
  }

  /** Whether unit {@code i} is a stop word that begins a hyphenated compound ("in-context"). */
  private static boolean gluedToNext(List<Unit> units, int i, int to) {
    Unit unit = units.get(i);
    return unit.expansion == null && Vocabulary.GLUED_WHEN_HYPHENATED.contains(unit.token.term())
        && i + 1 < to && units.get(i + 1).token.join() == Join.HYPHEN;
  }

  /** Whether unit {@code i} is a stop word that ends a hyphenated compound ("follow-up"). */
  private static boolean gluedToPrevious(List<Unit> units, int from, int i) {
    Unit unit = units.get(i);
    return unit.expansion == null && Vocabulary.GLUED_WHEN_HYPHENATED.contains(unit.token.term())
        && i > from && unit.token.join() == Join.HYPHEN;
  }

  /** An unexpanded word: an acronym as its lower-case singular key, anything else as the term. */
  private static String wordForm(Token token) {
    return Acronyms.shaped(token.surface()) ? Acronyms.key(token.surface()) : token.term();
  }

  private Unit unit(Token token, Map<String, String> defined) {
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
    if (Acronyms.shaped(token.surface())) {
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

  // ---- acronym definitions ------------------------------------------------------------------------

  /**
   * Finds "long form (ACR)" and "ACR (long form)" in a segment; records each new acronym's
   * canonical expansion in {@code defined} (the first definition wins), the acronym's position as
   * a definition site (it is not a mention of its own), and the long form's word range.
   */
  private void findDefinitions(Segment segment, Map<String, String> defined) {
    List<Token> words = segment.words;
    for (int i = 0; i < words.size(); i++) {
      Token word = words.get(i);
      if (!Acronyms.shaped(word.surface())) {
        continue;
      }
      String key = Acronyms.key(word.surface());
      String after = i + 1 < words.size() ? words.get(i + 1).gapBefore() : segment.tail;
      if (word.opensParenthesis() && closesParenthesis(after)) {
        // long form (ACR)
        int first = i - 1;
        int limit = Acronyms.maxLongFormWords(key);
        while (first > 0 && i - first < limit && words.get(first).join() != Join.BREAK) {
          first--;
        }
        if (first >= 0 && define(key, words, Math.max(first, 0), i, defined, segment)) {
          segment.definitionSites.add(i);
        }
      } else if (i + 1 < words.size() && words.get(i + 1).opensParenthesis()) {
        // ACR (long form)
        int last = i + 1;
        while (last + 1 < words.size() && words.get(last + 1).join() != Join.BREAK) {
          last++;
        }
        String closing = last + 1 < words.size() ? words.get(last + 1).gapBefore() : segment.tail;
        int count = last - i;
        if (closesParenthesis(closing) && count <= Acronyms.maxLongFormWords(key)
            && longFormIsWhole(key, words, i + 1, last + 1)
            && define(key, words, i + 1, last + 1, defined, segment)) {
          segment.definitionSites.add(i);
        }
      }
    }
  }

  private static boolean longFormIsWhole(String key, List<Token> words, int from, int to) {
    return Acronyms.longFormStart(key, terms(words, from, to)) == 0;
  }

  /** Defines {@code key} as the long form ending right before {@code end}, if the words fit. */
  private boolean define(String key, List<Token> words, int from, int end, Map<String, String> defined,
      Segment segment) {
    int start = Acronyms.longFormStart(key, terms(words, from, end));
    if (start < 0) {
      return false;
    }
    start += from;
    List<Unit> units = new ArrayList<>();
    for (int j = start; j < end; j++) {
      units.add(unit(words.get(j), defined));
    }
    // a long form is a real phrase: two or more words, not starting or ending with a stop word
    if (end - start < 2 || units.get(0).isStopWord() || units.get(units.size() - 1).isStopWord()
        || units.stream().anyMatch(u -> u.token.number() || u.token.other())) {
      return false;
    }
    String expansion = canonicalWords(units);
    defined.putIfAbsent(key, expansion);
    segment.longForms.add(new LongForm(start, end, defined.get(key)));
    return true;
  }

  private static List<String> terms(List<Token> words, int from, int to) {
    List<String> terms = new ArrayList<>(to - from);
    for (int j = from; j < to; j++) {
      terms.add(words.get(j).term());
    }
    return terms;
  }

  private static boolean closesParenthesis(String gap) {
    String s = gap.strip();
    return s.startsWith(")") || s.startsWith("]") || s.startsWith(",") || s.startsWith(";");
  }

  // ---- extraction -----------------------------------------------------------------------------------

  private List<String> extract(List<Segment> segments, Map<String, String> defined) {
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    Map<String, double[]> wordStats = new HashMap<>(); // word → {frequency, degree}
    Set<String> titleWords = new HashSet<>();
    List<List<Unit>> longRuns = new ArrayList<>();

    for (Segment segment : segments) {
      for (Run run : runs(segment, defined)) {
        List<Unit> units = run.units;
        List<String> statsWords = new ArrayList<>();
        for (Unit unit : units) {
          if (unit.isContent()) {
            statsWords.add(unit.statsWord(singularizer));
          }
        }
        int length = statsWords.size();
        for (String w : statsWords) {
          double[] stats = wordStats.computeIfAbsent(w, k -> new double[2]);
          stats[0] += 1;
          stats[1] += length;
          if (segment.title) {
            titleWords.add(w);
          }
        }
        int position = segment.offset + run.firstToken;
        if (length <= MAX_PHRASE_WORDS) {
          occurrence(candidates, canonicalWords(units), statsWords, position, segment.title, false);
        } else {
          longRuns.add(units);
        }
        // an acronym used inside a longer phrase is also a mention of its concept
        for (Unit unit : units) {
          if (unit.expansion != null && units.size() > 1) {
            occurrence(candidates, unit.expansion, List.of(unit.expansion), position, segment.title, true);
          }
        }
        // so is a definition's long form at the end of a longer phrase ("a robust Deep Neural Network (DNN)")
        for (LongForm longForm : segment.longForms) {
          if (longForm.end == run.lastToken + 1 && longForm.start > run.firstToken) {
            occurrence(candidates, longForm.expansion, List.of(longForm.expansion), position, segment.title, true);
          }
        }
      }
    }
    creditContainedCandidates(candidates, longRuns);

    List<Candidate> ranked = new ArrayList<>();
    for (Candidate candidate : candidates.values()) {
      if (acceptable(candidate)) {
        candidate.score = score(candidate, wordStats, titleWords);
        ranked.add(candidate);
      }
    }
    ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.score)
        .thenComparingInt(c -> c.firstPosition)
        .thenComparing(c -> c.phrase));
    List<String> phrases = new ArrayList<>(ranked.size());
    for (Candidate candidate : ranked) {
      phrases.add(candidate.phrase);
    }
    return phrases;
  }

  /** The candidate phrases of a segment: runs of words between punctuation and phrase breakers. */
  private List<Run> runs(Segment segment, Map<String, String> defined) {
    List<Token> words = segment.words;
    int n = words.size();
    boolean[] breaker = new boolean[n];
    boolean[] startsRun = new boolean[n];
    boolean[] endsRun = new boolean[n];
    boolean[] spelledOut = spelledOutConcepts(words);
    markFillerCompounds(words, breaker);
    for (int i = 0; i < n; i++) {
      Token word = words.get(i);
      boolean stop = Vocabulary.PHRASE_BREAKERS.contains(word.term()) || isAdverb(word.term());
      boolean kept = spelledOut[i] || insideCompound(words, i);
      if (stop && !kept && Vocabulary.GLUED_WHEN_HYPHENATED.contains(word.term())) {
        if (word.join() != Join.HYPHEN && hyphenatedToContent(words, i, +1)) {
          kept = true;
          startsRun[i] = true;
        } else if (word.join() == Join.HYPHEN && hyphenatedToContent(words, i, -1)
            && (i + 1 == n || words.get(i + 1).join() != Join.HYPHEN)) {
          kept = true;
          endsRun[i] = true;
        }
      }
      breaker[i] |= segment.definitionSites.contains(i) || word.number() || word.other() || word.hasDot()
          || (stop && !kept);
    }
    List<Run> runs = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      boolean endsBefore = i == n || breaker[i] || words.get(i).join() == Join.BREAK || startsRun[i];
      if (endsBefore && start >= 0) {
        addRun(runs, words, start, i, defined);
        start = -1;
      }
      if (i < n && !breaker[i] && start < 0) {
        start = i;
      }
      if (i < n && endsRun[i] && start >= 0) {
        addRun(runs, words, start, i + 1, defined);
        start = -1;
      }
    }
    return runs;
  }

  private void addRun(List<Run> runs, List<Token> words, int from, int to, Map<String, String> defined) {
    List<Unit> units = new ArrayList<>(to - from);
    for (int j = from; j < to; j++) {
      units.add(unit(words.get(j), defined));
    }
    int first = 0;
    int last = units.size();
    boolean trimmed = true;
    while (trimmed && first < last) {
      trimmed = false;
      // a stop word may begin or end a phrase only as part of a compound ("in-context")
      while (first < last && units.get(first).isStopWord() && !gluedToNext(units, first, last)) {
        first++;
        trimmed = true;
      }
      while (last > first && units.get(last - 1).isStopWord() && !gluedToPrevious(units, first, last - 1)) {
        last--;
        trimmed = true;
      }
      // "generating visual tokens", "... model trained": verbs, not part of the concept
      if (first < last && units.get(first).isVerbForm(false)) {
        first++;
        trimmed = true;
      }
      if (last > first && units.get(last - 1).isVerbForm(true)) {
        last--;
        trimmed = true;
      }
    }
    if (first < last && units.subList(first, last).stream().anyMatch(Unit::isContent)) {
      runs.add(new Run(List.copyOf(units.subList(first, last)), from + first, from + last - 1));
    }
  }

  /**
   * Words that spell out a dictionary concept containing stop words ("mixture of experts",
   * "chain of thought"): their stop words must not split the concept.
   */
  private boolean[] spelledOutConcepts(List<Token> words) {
    boolean[] inside = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      for (String[] concept : SPELLED_OUT) {
        int k = concept.length;
        if (i + k > words.size()) {
          continue;
        }
        boolean match = true;
        for (int j = 0; j < k && match; j++) {
          Token word = words.get(i + j);
          match = (j == 0 || word.join() != Join.BREAK)
              && singularizer.singular(word.term()).equals(singularizer.singular(concept[j]));
        }
        if (match) {
          for (int j = 0; j < k; j++) {
            inside[i + j] = true;
          }
        }
      }
    }
    return inside;
  }

  /** Whether word {@code i} is hyphen-chained (in {@code direction}) to a word that is not a stop word. */
  private static boolean hyphenatedToContent(List<Token> words, int i, int direction) {
    int j = i;
    while (true) {
      boolean linked = direction > 0
          ? j + 1 < words.size() && words.get(j + 1).join() == Join.HYPHEN
          : j > 0 && words.get(j).join() == Join.HYPHEN;
      if (!linked) {
        return false;
      }
      j += direction;
      Token next = words.get(j);
      if (!next.number() && !next.other() && !Vocabulary.PHRASE_BREAKERS.contains(next.term())) {
        return true;
      }
    }
  }

  /** An adverb ("-ly") qualifies and never names: it splits phrases like a stop word. */
  private static boolean isAdverb(String term) {
    return term.length() >= 5 && term.endsWith("ly") && !Vocabulary.LY_NOUNS.contains(term);
  }

  /** A stop word between two hyphens belongs to its compound ("text-to-image", "LLM-as-a-judge"). */
  private static boolean insideCompound(List<Token> words, int i) {
    return words.get(i).join() == Join.HYPHEN && i + 1 < words.size() && words.get(i + 1).join() == Join.HYPHEN;
  }

  private static void markFillerCompounds(List<Token> words, boolean[] breaker) {
    int start = 0;
    while (start < words.size()) {
      int end = start + 1;
      while (end < words.size() && words.get(end).join() == Join.HYPHEN) {
        end++;
      }
      if (end - start > 1) {
        StringBuilder compound = new StringBuilder(words.get(start).term());
        for (int j = start + 1; j < end; j++) {
          compound.append('-').append(words.get(j).term());
        }
        if (Vocabulary.FILLER_COMPOUNDS.contains(compound.toString())) {
          for (int j = start; j < end; j++) {
            breaker[j] = true;
          }
        }
      }
      start = end;
    }
  }

  private static void occurrence(Map<String, Candidate> candidates, String phrase, List<String> statsWords,
      int position, boolean inTitle, boolean concept) {
    Candidate candidate = candidates.computeIfAbsent(phrase, p -> new Candidate(p, statsWords, position, concept));
    candidate.occurrences++;
    candidate.inTitle |= inTitle;
  }

  /** Runs too long to be keywords still count as occurrences of the candidates inside them. */
  private void creditContainedCandidates(Map<String, Candidate> candidates, List<List<Unit>> longRuns) {
    for (List<Unit> units : longRuns) {
      for (int from = 0; from < units.size(); from++) {
        if (!units.get(from).isContent()) {
          continue;
        }
        int content = 0;
        for (int to = from; to < units.size() && content < MAX_PHRASE_WORDS; to++) {
          if (!units.get(to).isContent()) {
            continue;
          }
          content++;
          Candidate inside = candidates.get(canonicalWords(units.subList(from, to + 1)));
          if (inside != null) {
            inside.occurrences++;
          }
        }
      }
    }
  }

  private static boolean acceptable(Candidate candidate) {
    if (candidate.concept) {
      return true;
    }
    if (Vocabulary.JOINED_PREFIXES.contains(candidate.phrase)) {
      return false; // a prefix whose word was cut off
    }
    boolean allGeneric = true;
    boolean allWithDigits = true;
    for (String word : candidate.statsWords) {
      allGeneric &= Vocabulary.GENERIC.contains(word);
      allWithDigits &= word.chars().anyMatch(Character::isDigit);
    }
    if (allGeneric || allWithDigits) {
      return false;
    }
    return candidate.statsWords.size() > 1 || candidate.phrase.codePointCount(0, candidate.phrase.length()) > 2;
  }

  private static double score(Candidate candidate, Map<String, double[]> wordStats, Set<String> titleWords) {
    double sum = 0;
    for (String word : candidate.statsWords) {
      double[] stats = wordStats.get(word);
      double wordScore = stats == null ? 1.0 : stats[1] / stats[0];
      sum += titleWords.contains(word) ? wordScore * TITLE_WORD_BOOST : wordScore;
    }
    double score = sum * (1 + Math.log(candidate.occurrences));
    return candidate.inTitle ? score * TITLE_PHRASE_BOOST : score;
  }

  /** A phrase worth returning: not empty, not a number, not made of stop words only. */
  private boolean isKeyword(String canonical) {
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

  // ---- internal model ---------------------------------------------------------------------------------

  /** Title or abstract, split into words, with what was found about its acronyms. */
  private static final class Segment {
    final List<Token> words;
    final String tail;
    final boolean title;
    final int offset;
    final Set<Integer> definitionSites = new HashSet<>();
    final List<LongForm> longForms = new ArrayList<>();

    Segment(List<Token> words, String tail, boolean title, int offset) {
      this.words = words;
      this.tail = tail;
      this.title = title;
      this.offset = offset;
    }
  }

  /** The words {@code [start, end)} that an acronym was defined as, and their canonical form. */
  private record LongForm(int start, int end, String expansion) {}

  /** A candidate phrase's words, from token {@code firstToken} to {@code lastToken}. */
  private record Run(List<Unit> units, int firstToken, int lastToken) {}

  /** A word of a phrase, with the expansion it stands for when it is a known acronym. */
  private record Unit(Token token, String expansion) {

    boolean isStopWord() {
      return expansion == null && Vocabulary.PHRASE_BREAKERS.contains(token.term());
    }

    boolean isEdgeStopWord() {
      return expansion == null && Vocabulary.EDGE_STOP_WORDS.contains(token.term());
    }

    boolean isContent() {
      return !isStopWord();
    }

    /**
     * An -ing word that is not a known noun ("generating"), or at the end of a phrase also an
     * -ed participle ("trained"): a verb at the edge of a phrase.
     */
    boolean isVerbForm(boolean atEnd) {
      if (expansion != null) {
        return false;
      }
      String term = token.term();
      if (term.length() >= 5 && term.endsWith("ing") && !Vocabulary.ING_NOUNS.contains(term)) {
        return true;
      }
      return atEnd && term.length() >= 5 && term.endsWith("ed") && !term.endsWith("eed");
    }

    /** What RAKE counts: the concept of an acronym, else the singular word. */
    String statsWord(Singularizer singularizer) {
      return expansion != null ? expansion : singularizer.singular(wordForm(token));
    }
  }

  /** A candidate phrase and what was counted for it. */
  private static final class Candidate {
    final String phrase;
    final List<String> statsWords;
    final int firstPosition;
    final boolean concept;
    int occurrences;
    boolean inTitle;
    double score;

    Candidate(String phrase, List<String> statsWords, int firstPosition, boolean concept) {
      this.phrase = phrase;
      this.statsWords = List.copyOf(statsWords);
      this.firstPosition = firstPosition;
      this.concept = concept;
    }
  }
}
