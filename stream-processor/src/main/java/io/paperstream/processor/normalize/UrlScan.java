package io.paperstream.processor.normalize;

/**
 * Cheap scans that say whether a URL pattern can match at all, run before the pattern: most
 * titles and abstracts hold no URL, and a pattern with a look-behind or an alternation costs a
 * few steps at every character. Every answer here is "may": a {@code true} leaves the decision to
 * the pattern. Stateless.
 */
public final class UrlScan {

  private UrlScan() {}

  /**
   * Whether {@code text} holds {@code ://} or {@code www.} (any case): every URL that starts
   * {@code http://}, {@code https://} or {@code www.} does.
   */
  public static boolean mayHoldUrl(String text) {
    if (text.indexOf("://") >= 0) {
      return true;
    }
    for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
      if (isW(text.charAt(dot - 1)) && isW(text.charAt(dot - 2)) && isW(text.charAt(dot - 3))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} contains the ASCII {@code needle} in any case, without a copy of the text. */
  static boolean containsIgnoreCase(String text, String needle) {
    char lower = Character.toLowerCase(needle.charAt(0));
    char upper = Character.toUpperCase(needle.charAt(0));
    for (int i = 0; i + needle.length() <= text.length(); i++) {
      char c = text.charAt(i);
      if ((c == lower || c == upper) && text.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isW(char c) {
    return c == 'w' || c == 'W';
  }
}
