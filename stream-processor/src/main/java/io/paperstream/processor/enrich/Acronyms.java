package io.paperstream.processor.enrich;

import java.util.List;
import java.util.Locale;

/**
 * Recognizing acronyms and matching them to the words they abbreviate.
 *
 * <p>The matcher is the algorithm of Schwartz and Hearst (2003, "A simple algorithm for
 * identifying abbreviation definitions in biomedical text"): walk the short form from its last
 * character backwards, finding each character in the candidate long form, also from the back;
 * the first character must start a word. It needs no dictionary, finds the shortest long form
 * ("we train Deep Neural Networks (DNNs)" → "Deep Neural Networks") and copes with letters taken
 * from inside words ("Vision Transformer (ViT)"). Stateless.
 */
final class Acronyms {

  private static final int MIN_LENGTH = 2;
  private static final int MAX_LENGTH = 10;

  private Acronyms() {}

  /**
   * Whether a printed word looks like an acronym: 2–10 letters or digits, starting with a letter,
   * at least two of them capitals ("LLM", "LLMs", "ViT", "MoE", "GPT4"), so that ordinary
   * capitalized words ("Transformer") are not taken for one.
   */
  static boolean shaped(String surface) {
    int n = surface.length();
    if (n < MIN_LENGTH || n > MAX_LENGTH + 1 || !Character.isLetter(surface.charAt(0))) {
      return false;
    }
    int capitals = 0;
    for (int i = 0; i < n; i++) {
      char c = surface.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        capitals++;
      }
    }
    return capitals >= 2 && (n <= MAX_LENGTH || surface.endsWith("s"));
  }

  /** The acronym in lower case, plural {@code s} removed: "LLMs" → "llm", "ViTs" → "vit". */
  static String key(String surface) {
    int n = surface.length();
    String base = surface;
    if (n > 2 && surface.charAt(n - 1) == 's') {
      char before = surface.charAt(n - 2);
      if (Character.isUpperCase(before) || Character.isDigit(before)) {
        base = surface.substring(0, n - 1);
      }
    }
    return base.toLowerCase(Locale.ROOT);
  }

  /** How many words before an acronym may form its long form: min(|A| + 5, 2·|A|), as in the paper. */
  static int maxLongFormWords(String key) {
    return Math.min(key.length() + 5, key.length() * 2);
  }

  /**
   * Where the long form of {@code key} begins among {@code words} (lower case, in text order, the
   * last one right before the acronym), or -1 when the words do not abbreviate to it.
   */
  static int longFormStart(String key, List<String> words) {
    if (words.isEmpty()) {
      return -1;
    }
    String longForm = String.join(" ", words);
    int s = key.length() - 1;
    int l = longForm.length() - 1;
    while (s >= 0) {
      char c = key.charAt(s);
      if (!Character.isLetterOrDigit(c)) {
        s--;
        continue;
      }
      // the first character of the acronym must begin a word
      while ((l >= 0 && longForm.charAt(l) != c)
          || (s == 0 && l > 0 && Character.isLetterOrDigit(longForm.charAt(l - 1)))) {
        l--;
      }
      if (l < 0) {
        return -1;
      }
      l--;
      s--;
    }
    int start = longForm.lastIndexOf(' ', l) + 1;
    int wordIndex = 0;
    for (int i = 0; i < start; i++) {
      if (longForm.charAt(i) == ' ') {
        wordIndex++;
      }
    }
    return wordIndex;
  }
}
