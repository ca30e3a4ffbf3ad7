package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.KeywordCanonicalizer.Unit;
import io.paperstream.processor.enrich.Tokens.Join;
import io.paperstream.processor.enrich.Tokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds "long form (ACR)" and "ACR (long form)" in a text ({@link Acronyms} matches the letters),
 * so that the acronym means what the text says it means.
 */
final class AcronymDefinitions {

  private final KeywordCanonicalizer canonicalizer;

  AcronymDefinitions(KeywordCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /**
   * Records each new acronym's canonical expansion in {@code defined} (the first definition
   * wins), the acronym's position as a definition site, and the long form's word range.
   */
  void find(Segment segment, Map<String, String> defined) {
    List<Token> words = segment.words;
    for (int i = 0; i < words.size(); i++) {
      Token word = words.get(i);
      if (!word.acronym()) {
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
        if (first >= 0 && define(key, words, first, i, defined, segment)) {
          segment.definitionSites.add(i);
        }
      } else if (i + 1 < words.size() && words.get(i + 1).opensParenthesis()) {
        // ACR (long form)
        int last = i + 1;
        while (last + 1 < words.size() && words.get(last + 1).join() != Join.BREAK) {
          last++;
        }
        String closing = last + 1 < words.size() ? words.get(last + 1).gapBefore() : segment.tail;
        if (closesParenthesis(closing) && last - i <= Acronyms.maxLongFormWords(key)
            && Acronyms.longFormStart(key, terms(words, i + 1, last + 1)) == 0
            && define(key, words, i + 1, last + 1, defined, segment)) {
          segment.definitionSites.add(i);
        }
      }
    }
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
      units.add(canonicalizer.unit(words.get(j), defined));
    }
    // a long form is a real phrase: two or more words, not starting or ending with a stop word
    if (end - start < 2 || units.get(0).isStopWord() || units.get(units.size() - 1).isStopWord()
        || units.stream().anyMatch(u -> u.token().number() || u.token().other())) {
      return false;
    }
    defined.putIfAbsent(key, canonicalizer.canonicalWords(units));
    segment.longForms.add(new Segment.LongForm(start, end, defined.get(key)));
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
}
