package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.Tokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A title, an abstract or a single phrase split into words, with what was found about its
 * acronyms: where an acronym is defined (that word is not a mention of its own) and the word
 * ranges of the long forms.
 */
final class Segment {

  final List<Token> words;
  final String tail;
  final boolean title;
  final Set<Integer> definitionSites = new HashSet<>();
  final List<LongForm> longForms = new ArrayList<>();

  Segment(List<Token> words, String tail, boolean title) {
    this.words = words;
    this.tail = tail == null ? "" : tail;
    this.title = title;
  }

  /** The words {@code [start, end)} that an acronym was defined as, and their canonical form. */
  record LongForm(int start, int end, String expansion) {}
}
