package io.paperstream.ingest.split;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A short, readable piece of a page's bytes around an offset, for dead letters that point at a defect. */
final class PageExcerpts {

  /** Bytes shown on each side of the defect. */
  static final int CONTEXT = 60;

  private PageExcerpts() {}

  /** The bytes around {@code offset}, decoded with invalid bytes shown as U+FFFD; null when unreadable. */
  static String around(Page page, long offset) {
    long from = Math.max(0, offset - CONTEXT);
    try (InputStream in = page.open()) {
      in.skipNBytes(from);
      byte[] window = in.readNBytes((int) (offset - from) + CONTEXT);
      return decode(window);
    } catch (IOException e) {
      return null; // the excerpt is a courtesy; the reason and offset still say where
    }
  }

  static String decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null; // cannot happen with REPLACE
    }
  }
}
