package io.paperstream.ingest.split;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses whole JSON documents strictly (trailing garbage is an error, not ignored) with bounds on
 * nesting and string sizes, so a hostile page fails fast instead of exhausting the stack or memory.
 * Thread-safe: the mapper is configured once and only read from.
 */
final class JsonReader {

  /** Entries nest about six levels deep; anything near this is not a digest page. */
  private static final int MAX_NESTING = 200;

  private final JsonMapper mapper;

  JsonReader() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** The document's tree. */
  JsonNode read(String json) throws JsonProcessingException {
    return mapper.readTree(json);
  }

  /** The parser's message without the source-reference noise Jackson appends. */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e.getLocation() != null) {
      message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
    return message;
  }
}
