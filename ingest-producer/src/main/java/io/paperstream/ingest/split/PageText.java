package io.paperstream.ingest.split;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A whole HTML or text page decoded to a string (they are read whole; the page cap bounds them),
 * with invalid UTF-8 bytes replaced by U+FFFD and counted.
 */
record PageText(String text, long replaced, long firstReplacedOffset) {

  static PageText read(Page page, Charset charset) {
    try (InputStream in = page.open()) {
      if (!charset.equals(StandardCharsets.UTF_8)) {
        return new PageText(withoutBom(new String(in.readAllBytes(), charset)), 0, -1);
      }
      Utf8Repair repair = new Utf8Repair(in);
      String text = new String(repair.readAllBytes(), StandardCharsets.UTF_8);
      return new PageText(withoutBom(text), repair.replaced(), repair.firstOffset());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + page.source() + ": " + e.getMessage(), e);
    }
  }

  private static String withoutBom(String text) {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }
}
