package io.paperstream.ingest.split;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A JSON document that can be read from its start more than once: a page body (streamed, UTF-8
 * repaired) or a string (a hydration island), with offsets for error reports in the unit of the
 * original (bytes of the page, characters of the string).
 */
abstract class JsonSource {

  abstract JsonParser open(JsonFactory factory) throws IOException;

  /** Where {@code location} is in the original input. */
  abstract long offset(JsonLocation location);

  /** "byte offset" or "character offset". */
  abstract String unit();

  /** A short piece of the original around {@code offset}, for a dead letter. */
  abstract String excerptAround(long offset);

  /** Invalid UTF-8 bytes replaced in the last read; 0 for strings. */
  long replaced() {
    return 0;
  }

  long firstReplacedOffset() {
    return -1;
  }

  static JsonSource of(Page page, Charset charset) {
    return new PageJson(page, charset);
  }

  static JsonSource of(String json) {
    return new StringJson(json);
  }

  /** The page body: UTF-8 bytes go to Jackson's byte parser through {@link Utf8Repair}. */
  private static final class PageJson extends JsonSource {
    private final Page page;
    private final Charset charset;
    private Utf8Repair repair;

    PageJson(Page page, Charset charset) {
      this.page = page;
      this.charset = charset;
    }

    @Override
    JsonParser open(JsonFactory factory) throws IOException {
      InputStream in = page.open();
      if (charset.equals(StandardCharsets.UTF_8)) {
        repair = new Utf8Repair(in);
        return factory.createParser(repair);
      }
      return factory.createParser(new InputStreamReader(in, charset));
    }

    @Override
    long offset(JsonLocation location) {
      long bytes = location.getByteOffset();
      if (bytes < 0) {
        return location.getCharOffset();
      }
      return repair == null ? bytes : repair.inputOffset(bytes);
    }

    @Override
    String unit() {
      return charset.equals(StandardCharsets.UTF_8) ? "byte offset" : "character offset";
    }

    @Override
    String excerptAround(long offset) {
      return PageExcerpts.around(page, offset);
    }

    @Override
    long replaced() {
      return repair == null ? 0 : repair.replaced();
    }

    @Override
    long firstReplacedOffset() {
      return repair == null ? -1 : repair.firstOffset();
    }
  }

  private static final class StringJson extends JsonSource {
    private final String json;

    StringJson(String json) {
      this.json = json;
    }

    @Override
    JsonParser open(JsonFactory factory) throws IOException {
      return factory.createParser(json);
    }

    @Override
    long offset(JsonLocation location) {
      return location.getCharOffset();
    }

    @Override
    String unit() {
      return "character offset";
    }

    @Override
    String excerptAround(long offset) {
      int at = (int) Math.max(0, Math.min(json.length(), offset));
      int from = Math.max(0, at - PageExcerpts.CONTEXT);
      int to = Math.min(json.length(), at + PageExcerpts.CONTEXT);
      return json.substring(from, to);
    }
  }
}
