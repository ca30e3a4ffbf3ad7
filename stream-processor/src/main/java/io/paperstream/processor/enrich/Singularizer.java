package io.paperstream.processor.enrich;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * English plural → singular for one lower-case word, so that "networks" and "network" are one
 * keyword.
 *
 * <p>Built on Lucene's {@link EnglishMinimalStemmer} (the stemmer behind
 * {@code EnglishMinimalStemFilter}), which only undoes plural {@code -s}/{@code -es}/{@code -ies},
 * never derivations ("learning" stays "learning", unlike Porter or KStem, which would print
 * "machine learn"). That stemmer is deliberately naive, so a few well-known corrections are
 * applied around it (the same role a {@code StemmerOverrideFilter} dictionary plays in an
 * analysis chain):
 *
 * <ul>
 *   <li>words that end in s without being plurals stay: {@code -ss}, {@code -us}, {@code -is}
 *       (analysis, basis), {@code -ics} (physics, robotics), and words of three letters or fewer;
 *   <li>sibilant plurals drop {@code -es}: patches → patch, losses → loss, boxes → box;
 *   <li>a short table of irregular or ambiguous forms (indices → index, series, species, bias,
 *       lens, movies → movie, means as in "k-means", bayes as in "naive Bayes", ...).
 * </ul>
 *
 * The result is idempotent: {@code singular(singular(w)).equals(singular(w))}. Stateless and
 * thread-safe (the Lucene stemmer keeps no state between calls).
 */
final class Singularizer {

  private static final EnglishMinimalStemmer STEMMER = new EnglishMinimalStemmer();

  /**
   * Irregular plurals and words the suffix rules would get wrong; each maps to its singular. A
   * {@link HashMap}: this is asked for nearly every word of every text, and an immutable
   * {@code Map.ofEntries} map probes linearly.
   */
  private static final Map<String, String> IRREGULAR = Collections.unmodifiableMap(new HashMap<>(Map.ofEntries(
      Map.entry("indices", "index"), Map.entry("matrices", "matrix"), Map.entry("vertices", "vertex"),
      Map.entry("analyses", "analysis"), Map.entry("hypotheses", "hypothesis"), Map.entry("theses", "thesis"),
      Map.entry("syntheses", "synthesis"), Map.entry("diagnoses", "diagnosis"), Map.entry("axes", "axis"),
      Map.entry("criteria", "criterion"), Map.entry("phenomena", "phenomenon"), Map.entry("corpora", "corpus"),
      Map.entry("biases", "bias"), Map.entry("lenses", "lens"), Map.entry("statuses", "status"),
      Map.entry("aliases", "alias"), Map.entry("gases", "gas"), Map.entry("caches", "cache"),
      Map.entry("niches", "niche"), Map.entry("movies", "movie"), Map.entry("cookies", "cookie"),
      Map.entry("selfies", "selfie"), Map.entry("zombies", "zombie"), Map.entry("lies", "lie"),
      Map.entry("ties", "tie"), Map.entry("dies", "die"), Map.entry("pies", "pie"),
      Map.entry("series", "series"), Map.entry("species", "species"), Map.entry("news", "news"),
      Map.entry("bias", "bias"), Map.entry("lens", "lens"), Map.entry("canvas", "canvas"),
      Map.entry("atlas", "atlas"), Map.entry("alias", "alias"), Map.entry("chaos", "chaos"),
      Map.entry("cosmos", "cosmos"), Map.entry("ethos", "ethos"), Map.entry("kudos", "kudos"),
      Map.entry("perhaps", "perhaps"), Map.entry("whereas", "whereas"), Map.entry("always", "always"),
      Map.entry("towards", "towards"), Map.entry("afterwards", "afterwards"), Map.entry("overseas", "overseas"),
      Map.entry("diabetes", "diabetes"), Map.entry("kubernetes", "kubernetes"), Map.entry("pandas", "pandas"),
      Map.entry("mathematics", "mathematics"), Map.entry("means", "means"), Map.entry("bayes", "bayes"),
      // names that end in s without being plurals, as papers use them
      Map.entry("openhands", "openhands"), Map.entry("codeforces", "codeforces"), Map.entry("hermes", "hermes"),
      Map.entry("chronos", "chronos"), Map.entry("helios", "helios"), Map.entry("keras", "keras"))));

  String singular(String word) {
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return irregular;
    }
    int n = word.length();
    if (n <= 3 || word.charAt(n - 1) != 's' || !Character.isLetter(word.charAt(n - 2))
        || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is") || word.endsWith("ics")) {
      return word;
    }
    if (word.endsWith("sses") || word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")
        || word.endsWith("zzes")) {
      return word.substring(0, n - 2);
    }
    char[] chars = word.toCharArray();
    return new String(chars, 0, STEMMER.stem(chars, n));
  }
}
