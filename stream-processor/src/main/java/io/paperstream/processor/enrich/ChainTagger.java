package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.KeywordCanonicalizer.Unit;
import io.paperstream.processor.enrich.Tokens.Join;
import io.paperstream.processor.enrich.Tokens.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first step of noun-phrase chunking ({@link NounPhraseCandidates}): the words of a title or
 * an abstract grouped into {@link Chain}s (a word, or words joined by hyphens: "rule-based",
 * "text-to-image"; or the words of a dictionary concept spelled out with its stop words, "mixture
 * of experts"), each tagged with the part of speech it has in a noun phrase, or none when it
 * breaks one (a verb of its clause, a function word, a number outside a name, a word the text
 * defines an acronym with). Thread-safe.
 */
final class ChainTagger {

  private static final Set<String> RUN_TAGS = Set.of(PosLexicon.NOUN, PosLexicon.PROPN, PosLexicon.ADJ, "X",
      Chain.COMPOUND, PosLexicon.VERB);

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

  ChainTagger(KeywordCanonicalizer canonicalizer, PosLexicon lexicon) {
    this.canonicalizer = canonicalizer;
    this.lexicon = lexicon;
    Singularizer singularizer = canonicalizer.singularizer();
    this.spelledOutSingular = SPELLED_OUT.stream()
        .map(words -> Arrays.stream(words).map(singularizer::singular).toArray(String[]::new))
        .toList();
  }

  /** The words of a segment grouped into hyphen chains, each tagged. */
  List<Chain> of(Segment segment, Map<String, String> defined) {
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

  /** A capital after the first letter ("GraphRAG", "ViT"): a name, not a title-cased word. */
  private static boolean hasInnerCapital(String surface) {
    for (int i = 1; i < surface.length(); i++) {
      if (Character.isUpperCase(surface.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
