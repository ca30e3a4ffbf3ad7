package io.paperstream.ingest.split;

import io.paperstream.schemas.SourceKind;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a page body and decides which form it is in. What the body looks like decides; the
 * declared content type only breaks ties, because servers and file endings mislabel pages
 * ({@code text/plain}, {@code application/octet-stream}, or nothing at all).
 */
final class PageFormDetector {

  /** The outcome: a form and the charset to decode with, or the reason the page cannot be read at all. */
  record Detection(SourceKind kind, Charset charset, String problem, String excerpt) {

    static Detection of(SourceKind kind, Charset charset) {
      return new Detection(kind, charset, null, null);
    }

    static Detection unreadable(String problem, String excerpt) {
      return new Detection(null, null, problem, excerpt);
    }

    boolean readable() {
      return problem == null;
    }
  }

  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

  /** Looking this far into a page is enough to tell its form, and keeps sniffing cheap on huge pages. */
  static final int SNIFF_BYTES = 64 * 1024;

  /** Enough to tell JSON and most HTML by their first character, and to spot binary content. */
  private static final int QUICK_BYTES = 4096;

  /** Content types are short; a longer one is capped before the pattern looks at it. */
  private static final int MAX_CONTENT_TYPE = 200;

  private static final List<String> HTML_MARKERS =
      List.of("<!doctype html", "<html", "<body", "<head", "data-props=");

  private static final Pattern HTML_BLOCK_TAG = Pattern.compile("(?i)<(?:div|article|section|main|h3|ul|li)[\\s>]");

  /** Header lines of the site's text rendering; any one of them marks a text capture. */
  private static final List<String> TEXT_MARKERS =
      List.of("get trending papers in your email inbox", "byak and the research community");

  /**
   * Tells the form from the page's first bytes after leading white space ({@code head}, at most
   * {@link #SNIFF_BYTES}; fewer means the page ends there) and its size. Bytes that are not valid
   * in the charset do not make a page unreadable: the splitter replaces and reports them. Only the
   * first {@link #QUICK_BYTES} are decoded unless the first character leaves the form open.
   */
  Detection detect(byte[] head, long size, String contentType) {
    if (size == 0) {
      return Detection.unreadable("empty page: the body has no bytes", null);
    }
    if (looksBinary(head)) {
      return Detection.unreadable("binary content, not a text, JSON or HTML page", hexPreview(head, size));
    }
    Charset charset = declaredCharset(contentType);
    // malformed bytes read as U+FFFD
    String text = new String(head, 0, Math.min(head.length, QUICK_BYTES), charset);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank() && head.length > QUICK_BYTES) {
      text = new String(head, charset);
    }
    if (text.isBlank()) {
      return head.length < SNIFF_BYTES ? Detection.unreadable("empty page: the body is only white space", null)
          : Detection.of(SourceKind.TEXT, charset);
    }
    if (controlCharacterShare(text) > 0.02) {
      return Detection.unreadable("binary content: too many control characters for a text, JSON or HTML page",
          text);
    }
    char first = text.strip().isEmpty() ? ' ' : text.strip().charAt(0);
    if (head.length > QUICK_BYTES && first != '[' && first != '{' && first != '<') {
      text = new String(head, charset);
    }
    return Detection.of(formOf(text, contentType), charset);
  }

  private static SourceKind formOf(String text, String contentType) {
    int start = 0;
    while (Character.isWhitespace(text.charAt(start))) {
      start++; // ends in time: the caller rejected blank pages
    }
    String head = text.substring(start);
    char first = head.charAt(0);
    if (first == '[' || first == '{') {
      return SourceKind.API_JSON;
    }
    if (first == '<') {
      return SourceKind.HTML;
    }
    String lower = head.toLowerCase(Locale.ROOT);
    if (HTML_MARKERS.stream().anyMatch(lower::contains) || countHtmlBlockTags(head) >= 2) {
      return SourceKind.HTML;
    }
    if (TEXT_MARKERS.stream().anyMatch(lower::contains)) {
      return SourceKind.TEXT;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return SourceKind.API_JSON;
    }
    if (type.contains("html")) {
      return SourceKind.HTML;
    }
    return SourceKind.TEXT;
  }

  private static int countHtmlBlockTags(String head) {
    Matcher m = HTML_BLOCK_TAG.matcher(head);
    int count = 0;
    while (count < 2 && m.find()) {
      count++;
    }
    return count;
  }

  /** NUL bytes never occur in the text forms (UTF-16 pages are not a form the site serves). */
  private static boolean looksBinary(byte[] body) {
    int limit = Math.min(body.length, SNIFF_BYTES);
    for (int i = 0; i < limit; i++) {
      if (body[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static double controlCharacterShare(String text) {
    int limit = Math.min(text.length(), SNIFF_BYTES);
    int controls = 0;
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        controls++;
      }
    }
    return (double) controls / limit;
  }

  static Charset declaredCharset(String contentType) {
    if (contentType != null) {
      Matcher m = CHARSET.matcher(contentType.length() > MAX_CONTENT_TYPE
          ? contentType.substring(0, MAX_CONTENT_TYPE) : contentType);
      if (m.find()) {
        try {
          return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          // an unknown label is no reason to reject the page: the site itself only serves UTF-8
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String hexPreview(byte[] head, long size) {
    int n = Math.min(head.length, 48);
    return "bytes: " + HexFormat.ofDelimiter(" ").formatHex(head, 0, n) + (size > n ? " …" : "");
  }
}
