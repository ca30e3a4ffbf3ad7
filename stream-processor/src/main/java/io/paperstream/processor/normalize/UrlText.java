package io.paperstream.processor.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs inside printed text: links written LaTeX-style rewritten as text, and every URL kept out
 * of reach of the LaTeX rules while they run (a {@code --} or {@code ~} inside a URL is part of
 * it).
 *
 * <p>Every scan here is one pass over the text. A regular expression only finds where a URL
 * starts; its body is walked by hand, because a pattern such as {@code url\{text}} retried at
 * each of the hundred thousand {@code http://} of an unbroken line costs quadratic time, and a
 * repeated alternation ({@code (?:a|\\b)+}) recurses once per character in Java's engine and
 * overflows the stack on a long URL. Stateless and thread-safe.
 */
final class UrlText {

  /** Where a URL starts: {@code http(s)://} or {@code www.}, not inside a word, host or address. */
  private static final Pattern START = Pattern.compile("(?i)(?<![\\w@.])(?:https?://|www\\.)");
  /** {@code \href{url}{text}}: the text and the URL both matter to a reader. */
  private static final Pattern HREF = Pattern.compile("\\\\href\\s*\\{([^{}]*+)}\\s*\\{([^{}]*+)}");
  private static final Pattern URL_ESCAPE = Pattern.compile("\\\\([_%&#~$])");
  /** Characters LaTeX escapes inside a URL ({@code \_}): the real URL has the bare character. */
  private static final String ESCAPABLE = "_%&#~$";
  /** Characters that end a URL, beside white space. */
  private static final String NEVER_IN_URL = "{}<>\"\\|^`";
  /** Placeholders: private-use characters that no LaTeX rule touches; the index in two more. */
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';
  private static final char INDEX_BASE = '\uE100';
  private static final Pattern PLACEHOLDER = Pattern.compile("\\uE000(..)\\uE001");
  private static final Pattern PLACEHOLDER_CHARS = Pattern.compile("[\\uE000\\uE001]");

  private UrlText() {}

  /**
   * {@code \href{url}{text}} and {@code url{text}} (what an {@code \href} looks like after a page
   * stripped the macro name) as text: the URL alone when the text repeats it, else both.
   */
  static String rewriteLinks(String text) {
    // both forms need a brace: most abstracts have none, and skip both scans
    if (text.indexOf('{') < 0) {
      return text;
    }
    String hrefsDone = text.contains("\\href") ? TextNormalizer.replace(HREF, text, m -> sameLink(m.group(1), m.group(2))
        ? m.group(1) : m.group(2).strip() + " (" + m.group(1).strip() + ")") : text;
    if (!UrlScan.mayHoldUrl(hrefsDone)) {
      return hrefsDone;
    }
    StringBuilder out = new StringBuilder(hrefsDone.length());
    int copied = 0;
    Matcher start = START.matcher(hrefsDone);
    int from = 0;
    while (from <= hrefsDone.length() && start.find(from)) {
      int end = bodyEnd(hrefsDone, start.end(), false);
      from = end;
      if (end == start.end() || end >= hrefsDone.length() || hrefsDone.charAt(end) != '{') {
        continue;
      }
      int close = nextBrace(hrefsDone, end + 1);
      if (close < 0 || hrefsDone.charAt(close) != '}') {
        continue;
      }
      out.append(hrefsDone, copied, start.start())
          .append(urlWithText(hrefsDone.substring(start.start(), end), hrefsDone.substring(end + 1, close)));
      copied = close + 1;
      from = close + 1;
    }
    return copied == 0 ? hrefsDone : out.append(hrefsDone, copied, hrefsDone.length()).toString();
  }

  /**
   * {@code text} with each URL replaced by a placeholder (sentence punctuation after it stays
   * text); the URLs, their LaTeX escapes undone, are added to {@code urls} for {@link #restore}.
   */
  static String protect(String text, List<String> urls) {
    // a placeholder character in the input would be taken for one of ours
    String clean = text.indexOf(OPEN) < 0 && text.indexOf(CLOSE) < 0 ? text
        : PLACEHOLDER_CHARS.matcher(text).replaceAll("");
    if (!UrlScan.mayHoldUrl(clean)) {
      return clean;
    }
    StringBuilder out = new StringBuilder(clean.length());
    int copied = 0;
    Matcher start = START.matcher(clean);
    int from = 0;
    while (from <= clean.length() && start.find(from)) {
      int end = bodyEnd(clean, start.end(), true);
      from = end;
      if (end == start.end()) {
        continue;
      }
      String url = trimTrailingPunctuation(clean.substring(start.start(), end));
      urls.add(URL_ESCAPE.matcher(url).replaceAll("$1"));
      int index = urls.size() - 1;
      out.append(clean, copied, start.start()).append(OPEN)
          .append((char) (INDEX_BASE + (index >> 8))).append((char) (INDEX_BASE + (index & 0xFF))).append(CLOSE);
      copied = start.start() + url.length();
    }
    return copied == 0 ? clean : out.append(clean, copied, clean.length()).toString();
  }

  /** {@code text} with the placeholders of {@link #protect} replaced by their URLs. */
  static String restore(String text, List<String> urls) {
    return urls.isEmpty() ? text : TextNormalizer.replace(PLACEHOLDER, text, m -> urls.get(
        ((m.group(1).charAt(0) - INDEX_BASE) << 8) + (m.group(1).charAt(1) - INDEX_BASE)));
  }

  /**
   * Sentence punctuation after a URL is not part of it ({@code see https://x.org/a.}); a closing
   * bracket is, when the URL opened it ({@code https://en.wikipedia.org/wiki/A_(b)}).
   */
  static String trimTrailingPunctuation(String url) {
    // brackets counted once, then kept up to date: a URL ending in a million ')' is one pass
    int open = count(url, '(');
    int closed = count(url, ')');
    int openSquare = count(url, '[');
    int closedSquare = count(url, ']');
    int end = url.length();
    while (end > 0) {
      char last = url.charAt(end - 1);
      if (".,;:!?'\"*".indexOf(last) >= 0) {
        end--;
      } else if (last == ')' && open < closed) {
        end--;
        closed--;
      } else if (last == ']' && openSquare < closedSquare) {
        end--;
        closedSquare--;
      } else {
        break;
      }
    }
    return url.substring(0, end);
  }

  /** The end of a URL body starting at {@code from}: white space, a character never in URLs, or the end. */
  private static int bodyEnd(String text, int from, boolean escapes) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (escapes && c == '\\' && i + 1 < text.length() && ESCAPABLE.indexOf(text.charAt(i + 1)) >= 0) {
        i += 2;
      } else if (isRegexSpace(c) || NEVER_IN_URL.indexOf(c) >= 0) {
        return i;
      } else {
        i++;
      }
    }
    return i;
  }

  /** What {@code \s} matches: the URL body ends where the old pattern's did. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static int nextBrace(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '}') {
        return i;
      }
    }
    return -1;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static boolean sameLink(String a, String b) {
    return linkCore(a).equalsIgnoreCase(linkCore(b));
  }

  private static String linkCore(String link) {
    String s = link.strip().replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String urlWithText(String url, String linkText) {
    if (sameLink(url, linkText)) {
      return url;
    }
    return linkText.isBlank() ? url : url + " " + linkText.strip();
  }
}
