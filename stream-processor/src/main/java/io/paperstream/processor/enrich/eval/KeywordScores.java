package io.paperstream.processor.enrich.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Micro-averaged recall, precision and F1 of extracted keywords against a paper's own, compared
 * by {@link KeyphraseMatch}: each side is the set of distinct matching keys of its phrases, so a
 * phrase and its plural count once. Not thread-safe: one per evaluation.
 */
public final class KeywordScores {

  private long papers;
  private long expected;
  private long extracted;
  private long matched;
  private long keywordsReturned;

  /** Adds one paper: what the extractor returned against what the page said. */
  public void add(List<String> extractedKeywords, List<String> expectedKeywords) {
    Set<String> want = keys(expectedKeywords);
    Set<String> got = keys(extractedKeywords);
    papers++;
    keywordsReturned += extractedKeywords.size();
    expected += want.size();
    extracted += got.size();
    got.retainAll(want);
    matched += got.size();
  }

  /** The distinct non-blank matching keys ({@link KeyphraseMatch}) of some phrases. */
  public static Set<String> keys(List<String> phrases) {
    Set<String> keys = new LinkedHashSet<>();
    for (String phrase : phrases) {
      String key = KeyphraseMatch.key(phrase);
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }

  public long papers() {
    return papers;
  }

  public double recall() {
    return expected == 0 ? 0 : (double) matched / expected;
  }

  public double precision() {
    return extracted == 0 ? 0 : (double) matched / extracted;
  }

  public double f1() {
    double r = recall();
    double p = precision();
    return r + p == 0 ? 0 : 2 * r * p / (r + p);
  }

  public double keywordsPerPaper() {
    return papers == 0 ? 0 : (double) keywordsReturned / papers;
  }
}
