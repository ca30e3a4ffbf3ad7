package io.paperstream.ingest.split;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reads of optional JSON fields: a field that is absent, null, blank or of an unexpected
 * type reads as null, because a page leaving out or garbling an optional field is no reason to lose
 * the entry.
 */
final class JsonValues {

  private JsonValues() {}

  /** Trimmed text of a string field; numbers and booleans are not silently turned into text. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** The first of the fields present as text. */
  static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String text = text(node, field);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  /** An int given as a JSON number or a numeric string. */
  static Integer integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isTextual()) {
      try {
        return Integer.valueOf(value.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The non-blank strings of a string array; null when the field is not an array. */
  static List<String> texts(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isArray()) {
      return null;
    }
    List<String> texts = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      if (element.isTextual() && !element.asText().isBlank()) {
        texts.add(element.asText().strip());
      }
    }
    return texts;
  }
}
