package io.paperstream.ingest.split;

import io.paperstream.schemas.SourceKind;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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

  /** The outcome: a form and the decoded text, or the reason the page cannot be read at all. */
  record Detection(SourceKind kind, String text, String problem, String excerpt) {

    static Detection of(SourceKind kind, String text) {
      return new Detection(kind, text, null, null);
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
  private static final int SNIFF_CHARS = 64 * 1024;

  private static final List<String> HTML_MARKERS =
      List.of("<!doctype html", "<html", "<body", "<head", "data-props=");

  private static final Pattern HTML_BLOCK_TAG = Pattern.compile("(?i)<(?:div|article|section|main|h3|ul|li)[\\s>]");

  /** Header lines of the site's text rendering; any one of them marks a text capture. */
  private static final List<String> TEXT_MARKERS =
      List.of("get trending papers in your email inbox", "byak and the research community");

  Detection detect(Page page) {
    byte[] body = page.body();
    if (body.length == 0) {
      return Detection.unreadable("empty page: the body has no bytes", null);
    }
    if (looksBinary(body)) {
      return Detection.unreadable("binary content, not a text, JSON or HTML page", hexPreview(body));
    }
    Charset charset = declaredCharset(page.contentType());
    CharsetDecoder decoder = strictDecoder(charset);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult decoded = decoder.decode(in, out, true);
    if (decoded.isError()) {
      return Detection.unreadable("not valid " + charset.name() + " text: undecodable bytes at offset "
          + in.position(), hexPreview(body));
    }
    decoder.flush(out);
    String text = out.flip().toString();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return Detection.unreadable("empty page: the body is only white space", null);
    }
    if (controlCharacterShare(text) > 0.02) {
      return Detection.unreadable("binary content: too many control characters for a text, JSON or HTML page",
          text);
    }
    return Detection.of(formOf(text, page.contentType()), text);
  }

  private static SourceKind formOf(String text, String contentType) {
    int start = 0;
    while (Character.isWhitespace(text.charAt(start))) {
      start++; // ends in time: the caller rejected blank pages
    }
    String head = text.substring(start, Math.min(text.length(), start + SNIFF_CHARS));
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
    int limit = Math.min(body.length, SNIFF_CHARS);
    for (int i = 0; i < limit; i++) {
      if (body[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static double controlCharacterShare(String text) {
    int limit = Math.min(text.length(), SNIFF_CHARS);
    int controls = 0;
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        controls++;
      }
    }
    return (double) controls / limit;
  }

  private static Charset declaredCharset(String contentType) {
    if (contentType != null) {
      Matcher m = CHARSET.matcher(contentType);
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

  private static CharsetDecoder strictDecoder(Charset charset) {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static String hexPreview(byte[] body) {
    int n = Math.min(body.length, 48);
    return "bytes: " + HexFormat.ofDelimiter(" ").formatHex(body, 0, n) + (body.length > n ? " …" : "");
  }
}
