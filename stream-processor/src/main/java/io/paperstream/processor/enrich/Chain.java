package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.KeywordCanonicalizer.Unit;
import io.paperstream.processor.enrich.Tokens.Join;
import java.util.List;
import java.util.Set;

/**
 * One word, or words joined by hyphens, with its part of speech (null: breaks phrases) and
 * whether a word of it has a capital after its first letter, whether every word begins with one.
 */
record Chain(List<Unit> units, int start, String tag, boolean capitalized, boolean initialCapitals) {
  static final String COMPOUND = "COMPOUND";
  private static final Set<String> END_TAGS = Set.of(PosLexicon.NOUN, PosLexicon.PROPN, "X", COMPOUND);

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
