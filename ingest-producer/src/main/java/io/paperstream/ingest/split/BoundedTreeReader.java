package io.paperstream.ingest.split;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one JSON value (an entry) from a streaming parser into a tree, within a budget of text
 * characters: an entry beyond it is skipped to its end without being built, so one oversized
 * entry costs time linear in its size and no more memory than its largest string.
 */
final class BoundedTreeReader {

  /** The value, or why it was not built. */
  record Value(JsonNode node, String tooLarge, String excerpt) {}

  /** Counted per token on top of its text, so that a million empty objects also count. */
  private static final int TOKEN_OVERHEAD = 2;

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  /**
   * Reads the value the parser is at (its first token already current) and leaves the parser on
   * its last token. Syntax errors propagate: the caller decides what of the page is kept.
   */
  Value read(JsonParser parser, int maxChars) throws IOException {
    JsonToken token = parser.currentToken();
    if (!token.isStructStart()) {
      JsonNode scalar = scalar(parser, token);
      if (token == JsonToken.VALUE_STRING && parser.getTextLength() > maxChars) {
        return new Value(null, EntryLimits.tooLong("the element (a string)", parser.getTextLength(), maxChars,
            SplitLimits.MAX_ENTRY_CHARS), parser.getText().substring(0, 200));
      }
      return new Value(scalar, null, null);
    }
    Deque<JsonNode> open = new ArrayDeque<>();
    JsonNode root = token == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
    open.push(root);
    long used = TOKEN_OVERHEAD;
    String name = null;
    while (!open.isEmpty()) {
      token = parser.nextToken();
      if (token == null) {
        throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null,
            "Unexpected end-of-input inside an entry");
      }
      used += TOKEN_OVERHEAD;
      if (token == JsonToken.FIELD_NAME) {
        name = parser.currentName();
        used += name.length();
      } else if (token.isStructEnd()) {
        open.pop();
        continue;
      } else {
        JsonNode value;
        if (token.isStructStart()) {
          value = token == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
        } else {
          if (token == JsonToken.VALUE_STRING || token.isNumeric()) {
            used += parser.getTextLength();
          }
          value = scalar(parser, token);
        }
        JsonNode holder = open.peek();
        if (holder instanceof ObjectNode object) {
          object.set(name, value);
        } else {
          ((ArrayNode) holder).add(value);
        }
        if (token.isStructStart()) {
          open.push(value);
        }
      }
      if (used > maxChars) {
        String field = name;
        String excerpt = token == JsonToken.VALUE_STRING ? parser.getText() : root.toString();
        skipRest(parser, open.size());
        return new Value(null, EntryLimits.tooLong("the entry" + (field != null ? " (at field \"" + field + "\")" : ""),
            used, maxChars, SplitLimits.MAX_ENTRY_CHARS) + "; it is skipped whole", shorten(excerpt));
      }
    }
    return new Value(root, null, null);
  }

  private static String shorten(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  /** Skips to the end of the value, {@code depth} containers deep: linear, builds nothing. */
  private static void skipRest(JsonParser parser, int depth) throws IOException {
    int open = depth;
    while (open > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null,
            "Unexpected end-of-input inside an entry");
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
  }

  private JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> nodes.numberNode(parser.getIntValue());
        case LONG -> nodes.numberNode(parser.getLongValue());
        default -> nodes.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      default -> nodes.missingNode();
    };
  }
}
