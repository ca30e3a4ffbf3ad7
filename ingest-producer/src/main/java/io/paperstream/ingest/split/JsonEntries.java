package io.paperstream.ingest.split;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Streams the entries of a JSON document into a page: one element at a time, each built as a small
 * tree within the entry budget, so memory does not grow with the page. A syntax error, a cut-off
 * document or an unreadable byte ends the page there, and every complete entry before it is kept;
 * the dead letter names the entry, the offset and the text around the defect.
 *
 * <p>A bare array (the API's answer) is read in one pass. An object (a collector's wrapper, a
 * page's hydration props) is read twice: {@link EntryArrayScan} first finds the array that holds the
 * entries, then this streams it.
 */
final class JsonEntries {

  /** Entries nest about six levels deep; anything near this is not a digest page. */
  private static final int MAX_NESTING = 200;

  private final JsonFactory factory;
  private final BoundedTreeReader trees = new BoundedTreeReader();
  private final ApiEntryMapper mapper;

  JsonEntries(ApiEntryMapper mapper) {
    this.mapper = mapper;
    this.factory = JsonFactory.builder()
        // strings are bounded by the page cap; Jackson's own 20 M default would fail a page
        // at one long string and lose the entries after it
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING).maxStringLength(Integer.MAX_VALUE).build())
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
  }

  JsonFactory factory() {
    return factory;
  }

  /** Scans {@code source} for its entries without keeping them: what an island holds. */
  EntryArrayScan.Result scan(JsonSource source, int maxEntryChars) {
    return EntryArrayScan.scan(source, factory, maxEntryChars);
  }

  /** Reads the entries of a whole-page JSON document into {@code page}. */
  void split(JsonSource source, LocalDate sourceDate, PageContext page) {
    try (JsonParser parser = source.open(factory)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        page.rejectPage("not valid JSON: no value in the body", null);
        return;
      }
      if (first == JsonToken.START_ARRAY) {
        streamArray(parser, source, sourceDate, page, true);
        return;
      }
      if (first != JsonToken.START_OBJECT) {
        page.rejectPage("JSON holds " + describe(first) + ", not an array of paper entries",
            parser.getText());
        return;
      }
    } catch (IOException e) {
      page.rejectPage(syntaxReason(e, source, "no entry"), excerpt(e, source));
      return;
    }
    EntryArrayScan.Result scan = scan(source, page.limits().maxEntryChars());
    stream(source, scan, sourceDate, page);
  }

  /** Streams the entries {@code scan} found (an island's, or an object page's). */
  void stream(JsonSource source, EntryArrayScan.Result scan, LocalDate sourceDate, PageContext page) {
    if (!scan.found()) {
      if (scan.error() != null) {
        page.rejectPage(syntaxReason(scan.error(), source, "no entry"), excerpt(scan.error(), source));
      } else {
        page.rejectPage(scan.noEntriesReason(), scan.excerpt());
      }
      return;
    }
    LocalDate pageDate = scan.date() != null ? scan.date() : sourceDate;
    try (JsonParser parser = source.open(factory)) {
      parser.nextToken();
      if (scan.rootIsEntry()) {
        readElement(parser, source, 0, pageDate, page);
      } else {
        EntryArrayScan.seek(parser, scan.arrayOrdinal());
        streamArray(parser, source, pageDate, page, false);
      }
    } catch (IOException e) {
      // a defect before the entries, which the scan already stopped at
      page.rejectPage(syntaxReason(e, source, "no entry"), excerpt(e, source));
      return;
    }
    if (scan.error() != null && page.entries() > 0 && page.nextFreePosition() >= scan.elements()) {
      // the entries are whole; the defect the scan stopped at lies after them
      page.reject(page.nextFreePosition(), syntaxReason(scan.error(), source, "the entries"),
          excerpt(scan.error(), source));
    }
  }

  /**
   * The parser is on the array's START_ARRAY; reads to its END_ARRAY or the first defect. With
   * {@code wholeDocument}, what follows the array must be the end of the input.
   */
  private void streamArray(JsonParser parser, JsonSource source, LocalDate pageDate, PageContext page,
      boolean wholeDocument) {
    int position = 0;
    try {
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == null) {
          throw new JsonEOFException(parser, null, "Unexpected end-of-input: the array is not closed");
        }
        readElement(parser, source, position, pageDate, page);
        position++;
      }
    } catch (IOException e) {
      if (position == 0 && page.entries() == 0) {
        page.rejectPage(syntaxReason(e, source, "no entry"), excerpt(e, source));
      } else {
        page.reject(position, syntaxReason(e, source, "entry " + (position - 1)) + "; the " + position
            + " entries before it are read", excerpt(e, source));
      }
      return;
    }
    if (wholeDocument) {
      try {
        if (parser.nextToken() != null) {
          page.reject(position, "not valid JSON: content after the closing ] at " + source.unit() + " "
              + source.offset(parser.currentTokenLocation()) + "; the " + position + " entries before it are read",
              source.excerptAround(source.offset(parser.currentTokenLocation())));
        }
      } catch (IOException e) {
        page.reject(position, syntaxReason(e, source, "the closing ]") + "; the " + position
            + " entries before it are read", excerpt(e, source));
      }
    }
  }

  private void readElement(JsonParser parser, JsonSource source, int position, LocalDate pageDate,
      PageContext page) throws IOException {
    BoundedTreeReader.Value value = trees.read(parser, page.limits().maxEntryChars());
    if (value.tooLarge() != null) {
      page.reject(position, value.tooLarge(), value.excerpt());
    } else {
      mapper.mapOne(position, value.node(), pageDate, page);
    }
  }

  /** {@code not valid JSON after entry 9 at byte offset 1234 (line 3, column 7): Unexpected character ...}. */
  static String syntaxReason(IOException e, JsonSource source, String after) {
    String kind = e instanceof JsonEOFException ? "not valid JSON (cut off)" : "not valid JSON";
    String where = e instanceof StreamReadException read && read.getLocation() != null
        ? " at " + source.unit() + " " + source.offset(read.getLocation()) + " (line "
            + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ")"
        : "";
    String message = e instanceof StreamReadException read ? read.getOriginalMessage() : String.valueOf(e.getMessage());
    return kind + " after " + after + where + ": " + message;
  }

  private static String excerpt(IOException e, JsonSource source) {
    if (e instanceof StreamReadException read && read.getLocation() != null) {
      return source.excerptAround(source.offset(read.getLocation()));
    }
    return null;
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
