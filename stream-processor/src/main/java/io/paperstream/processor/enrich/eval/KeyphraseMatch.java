package io.paperstream.processor.enrich.eval;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The matching rule of the keyword evaluation (issue 8), exactly, so that figures compare across
 * tools: lower case; parenthesised parts dropped; {@code -} {@code _} {@code /} as spaces; any
 * other character that is not a letter, a digit or white space dropped; white space collapsed;
 * a word of more than 3 letters that ends in {@code s} but not {@code ss} loses the {@code s}.
 * Applied to both sides: "Large-Language Models (LLMs)" and "large language model" match.
 */
public final class KeyphraseMatch {

  /** Bounded and non-nested, so that it costs linear time on any text. */
  private static final Pattern PARENTHESISED = Pattern.compile("\\([^()]*\\)");

  private KeyphraseMatch() {}

  /** The form two keyphrases are compared in; blank when nothing is left. */
  public static String key(String phrase) {
    if (phrase == null) {
      return "";
    }
    String lower = PARENTHESISED.matcher(phrase.toLowerCase(Locale.ROOT)).replaceAll(" ");
    StringBuilder out = new StringBuilder(lower.length());
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      if (c == '-' || c == '_' || c == '/' || Character.isWhitespace(c)) {
        endWord(out, word);
      } else if (Character.isLetterOrDigit(c)) {
        word.append(c);
      }
    }
    return out.toString();
  }

  private static void endWord(StringBuilder out, StringBuilder word) {
    int n = word.length();
    if (n == 0) {
      return;
    }
    if (n > 3 && word.charAt(n - 1) == 's' && word.charAt(n - 2) != 's') {
      word.setLength(n - 1);
    }
    if (!out.isEmpty()) {
      out.append(' ');
    }
    out.append(word);
    word.setLength(0);
  }
}
