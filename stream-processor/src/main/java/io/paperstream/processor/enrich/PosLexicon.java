package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.Tokens.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Part-of-speech tags at the cost of a map look-up: each known word's most frequent tag, as
 * OpenNLP's English tagger ({@link PartOfSpeech}) tagged it in context over the learning pages
 * ({@code papers train-keywords} rebuilds it), and suffix rules for unknown words.
 *
 * <p>Why not tag every paper with OpenNLP at run time: its maximum-entropy tagger costs about
 * 20–30 ms for a 250-word abstract on this machine, twenty times the budget of a whole
 * extraction; a word's most frequent tag is what noun-phrase chunking needs (is it a noun, an
 * adjective, a verb), and the ranker learns to live with the rest. Immutable and thread-safe.
 */
public final class PosLexicon {

  /** The lexicon shipped in the jar, built by {@code papers train-keywords}. */
  static final String RESOURCE = "/io/paperstream/processor/enrich/pos-lexicon-v1.tsv";

  static final String NOUN = "NOUN";
  static final String PROPN = "PROPN";
  static final String ADJ = "ADJ";
  static final String VERB = "VERB";
  static final String ADV = "ADV";
  static final String NUM = "NUM";

  private static final String[] ADJ_SUFFIXES = {"ous", "ive", "able", "ible", "al", "ic", "ful", "less",
      "ary", "ial", "ical", "ent", "ant"};

  private final Map<String, String> tags;

  PosLexicon(Map<String, String> tags) {
    // a HashMap, not Map.copyOf: asked once per word of every text, and an immutable map of
    // thousands of entries probes linearly
    this.tags = Collections.unmodifiableMap(new HashMap<>(tags));
  }

  /** The lexicon in the jar, read once per process (it is immutable: every extractor shares it). */
  public static PosLexicon shipped() {
    return Shipped.LEXICON;
  }

  /** Loaded on first use (the holder idiom: no lock after the first read). */
  private static final class Shipped {
    static final PosLexicon LEXICON =
        JarResource.read(PosLexicon.class, RESOURCE, "the part-of-speech lexicon", PosLexicon::read);
  }

  /** Reads {@code word<TAB>tag} lines; {@code #} starts a comment. */
  public static PosLexicon read(InputStream in) throws IOException {
    Map<String, String> tags = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      int tab = line.indexOf('\t');
      if (!line.startsWith("#") && tab > 0) {
        // a handful of distinct tags: interned, they compare by identity first
        tags.put(line.substring(0, tab), line.substring(tab + 1).strip().intern());
      }
    }
    return new PosLexicon(tags);
  }

  public Map<String, String> entries() {
    return tags;
  }

  /** The tag of one word: acronyms are proper nouns, known words their tag, others by suffix. */
  String tag(Token token) {
    if (token.number()) {
      return NUM;
    }
    if (token.acronym()) {
      return PROPN;
    }
    String known = tags.get(token.term());
    if (known != null) {
      return known;
    }
    String term = token.term();
    if (term.endsWith("ly") && term.length() > 4) {
      return ADV;
    }
    if ((term.endsWith("ed") || term.endsWith("ing")) && term.length() > 4) {
      return VERB;
    }
    for (String suffix : ADJ_SUFFIXES) {
      if (term.endsWith(suffix) && term.length() > suffix.length() + 3) {
        return ADJ;
      }
    }
    return Character.isUpperCase(token.surface().charAt(0)) ? PROPN : NOUN;
  }
}
