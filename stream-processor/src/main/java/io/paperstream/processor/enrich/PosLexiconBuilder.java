package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.Tokens.Token;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link PosLexicon}: tags texts in context with OpenNLP ({@link PartOfSpeech}) and keeps
 * each word's most frequent tag. Slow (OpenNLP's speed), so it runs when training, never per
 * record. Not thread-safe.
 */
public final class PosLexiconBuilder {

  /** A word seen fewer times is left to the suffix rules. */
  private static final int MIN_COUNT = 2;

  private final Tokens tokens = new Tokens();
  private final PartOfSpeech tagger = new PartOfSpeech();
  private final Map<String, Map<String, Integer>> counts = new HashMap<>();

  /** Tags one text and counts each word's tag. */
  public PosLexiconBuilder add(String text) {
    if (text == null || text.isBlank()) {
      return this;
    }
    List<Token> words = tokens.of(text, null);
    // the tagger sees punctuation as it was printed (Lucene drops it): it tells clauses apart
    List<String> sequence = new ArrayList<>();
    List<Boolean> isWord = new ArrayList<>();
    for (Token word : words) {
      String gap = word.gapBefore().strip();
      if (!gap.isEmpty() && !gap.equals("-")) {
        sequence.add(gap.substring(0, 1));
        isWord.add(false);
      }
      sequence.add(word.surface());
      isWord.add(true);
    }
    String[] tags = tagger.tags(sequence.toArray(String[]::new));
    int w = 0;
    for (int i = 0; i < sequence.size(); i++) {
      if (!isWord.get(i)) {
        continue;
      }
      Token word = words.get(w++);
      if (!word.number() && !word.other()) {
        counts.computeIfAbsent(word.term(), k -> new HashMap<>()).merge(tags[i], 1, Integer::sum);
      }
    }
    return this;
  }

  public PosLexicon build() {
    Map<String, String> lexicon = new TreeMap<>();
    counts.forEach((word, byTag) -> {
      int total = byTag.values().stream().mapToInt(Integer::intValue).sum();
      if (total >= MIN_COUNT) {
        lexicon.put(word, byTag.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey());
      }
    });
    return new PosLexicon(lexicon);
  }

  /** Writes a lexicon as {@link PosLexicon#read} reads it. */
  public static void write(PosLexicon lexicon, Writer out, String comment) throws IOException {
    out.write("# " + comment + "\n");
    for (Map.Entry<String, String> e : new TreeMap<>(lexicon.entries()).entrySet()) {
      out.write(e.getKey() + "\t" + e.getValue() + "\n");
    }
  }
}
