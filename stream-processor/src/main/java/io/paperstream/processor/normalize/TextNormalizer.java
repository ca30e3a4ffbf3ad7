package io.paperstream.processor.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns printed title and abstract text into plain, comparable text.
 *
 * <p>Digest pages copy arXiv metadata, which is written in LaTeX-ish plain text and, in API
 * responses, hard-wrapped. The result here is what a reader of the typeset paper would see:
 *
 * <ul>
 *   <li>Unicode NFKC (ligatures, full-width forms and compatibility spaces folded), invisible
 *       characters (soft hyphen, zero-width space, BOM) removed;
 *   <li>hard wraps undone and every white-space run collapsed to one space, ends trimmed;
 *   <li>escapes {@code \% \& \_ \# \$ \{ \}} become the character; {@code \\} a space;
 *   <li>quotes: {@code ``x''} becomes {@code “x”} and {@code `x'} becomes {@code ‘x’} — the
 *       typographic quotes LaTeX would print (chosen over plain {@code "} so that no
 *       information is lost; a {@code ``x"} with a straight closing quote is accepted too);
 *   <li>{@code ~} between words (a non-breaking space, {@code Fig.~3}) becomes a space; a
 *       {@code ~} meaning "about" ({@code (~2%)}) or a range ({@code 10~30%}) stays;
 *   <li>formatting macros keep their text ({@code \emph{x}}, {@code \textbf{x}}, {@code {\it x}},
 *       also the backslash-less {@code textit{x}} some pages print); citations and labels are
 *       dropped; accents are composed ({@code Poincar\'e} → Poincaré); a few symbols are
 *       translated ({@code \sim} → ~, {@code \times} → ×, Greek letters); any other bare macro
 *       keeps its name ({@code \tool} → tool), since it is usually the paper's system name;
 *   <li>inline math {@code $x$} loses its dollars, leftover grouping braces are removed;
 *   <li>{@code ---} → — and {@code --} → – in prose (not in arrows like {@code -->}, nor in
 *       a command-line flag such as {@code --help}).
 * </ul>
 *
 * URLs are protected from all of this (a {@code --} or {@code ~} inside a URL is part of it);
 * only LaTeX escapes of URL characters ({@code \_}, {@code \%}, {@code \&}, {@code \#},
 * {@code \~}) are undone inside them, because the real URL has the bare character. Stateless
 * and thread-safe.
 */
public final class TextNormalizer {

  /** Characters that print nothing; a soft hyphen inside a word must not split it. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u2060\\uFEFF]");

  /** NFKC, LaTeX-ish markup turned into text, single spaces; {@code null} stays {@code null}. */
  public String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    if (hasInvisible(text)) {
      text = INVISIBLE.matcher(text).replaceAll("");
    }
    text = collapseWhitespace(text);
    text = UrlText.rewriteLinks(text);
    List<String> urls = new ArrayList<>();
    text = UrlText.protect(text, urls);
    text = LatexText.toText(text);
    text = UrlText.restore(text, urls);
    // accents were written as letter + combining mark: compose them
    text = Normalizer.normalize(text, Normalizer.Form.NFC);
    return collapseWhitespace(text);
  }

  private static boolean has(String text, char c) {
    return text.indexOf(c) >= 0;
  }

  private static boolean hasInvisible(String text) {
    return has(text, '\u00AD') || has(text, '\u200B') || has(text, '\u2060') || has(text, '\uFEFF');
  }

  /**
   * Every run of white space and control characters (line and paragraph separators included) as
   * one space, ends trimmed: {@code [\\s\\p{Z}\\p{Cc}]+} → {@code " "}, then strip, in one pass
   * without a regex.
   */
  static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        pendingSpace = true;
      } else {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code [\s\p{Z}\p{Cc}]}: ASCII white space, Unicode separators, control characters. */
  private static boolean isWhitespace(char c) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL;
  }

  static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
