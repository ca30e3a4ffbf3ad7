package io.paperstream.ingest.split;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the array of paper entries in a JSON document: the API's bare array, a collector's wrapper
 * ({@code {"data":[…]}}), or a page's hydration props ({@code {date, dailyPapers:[…], …}}).
 * Property names differ between pages and versions, so an array is recognised by what it holds
 * (objects with {@code paper}, or with {@code id} and {@code title}) and, failing that, by a name
 * known to hold entries.
 */
final class EntryArrayLocator {

  /**
   * The entries and the date stated next to them.
   *
   * @param entries the array; its elements may still be bad entries
   * @param date the {@code date} of the object holding the array, null when none
   */
  record Located(ArrayNode entries, LocalDate date) {}

  private static final Set<String> ENTRY_ARRAY_NAMES = Set.of(
      "dailypapers", "papers", "data", "results", "items", "entries", "hits", "recentpapers", "trendingpapers");

  /** Props nest the list one or two levels down at most; deeper arrays are someone else's data. */
  private static final int MAX_DEPTH = 4;

  private EntryArrayLocator() {}

  static Optional<Located> locate(JsonNode root) {
    if (root.isArray()) {
      return Optional.of(new Located((ArrayNode) root, null));
    }
    if (!root.isObject()) {
      return Optional.empty();
    }
    if (looksLikeEntry(root)) {
      ArrayNode single = JsonNodeFactory.instance.arrayNode().add(root);
      return Optional.of(new Located(single, null));
    }
    return search(root);
  }

  /** An element that is meant to be an entry: the API's {@code {paper:{…}}} or a bare paper. */
  static boolean looksLikeEntry(JsonNode node) {
    return node.isObject() && (node.path("paper").isObject() || (node.has("id") && node.has("title")));
  }

  /** Breadth-first, so the shallowest best array wins; entry-like content beats a known name. */
  private static Optional<Located> search(JsonNode root) {
    Located byContent = null;
    int byContentCount = 0;
    Located byName = null;
    Deque<Map.Entry<JsonNode, Integer>> queue = new ArrayDeque<>();
    queue.add(Map.entry(root, 0));
    while (!queue.isEmpty()) {
      Map.Entry<JsonNode, Integer> next = queue.poll();
      JsonNode holder = next.getKey();
      int depth = next.getValue();
      for (Map.Entry<String, JsonNode> field : holder.properties()) {
        JsonNode value = field.getValue();
        if (value.isArray()) {
          int entries = countEntryLike(value);
          if (entries > byContentCount) {
            byContent = new Located((ArrayNode) value, dateOf(holder, root));
            byContentCount = entries;
          } else if (byName == null && ENTRY_ARRAY_NAMES.contains(field.getKey().toLowerCase(Locale.ROOT))) {
            byName = new Located((ArrayNode) value, dateOf(holder, root));
          }
        } else if (value.isObject() && depth + 1 < MAX_DEPTH) {
          queue.add(Map.entry(value, depth + 1));
        }
      }
    }
    return Optional.ofNullable(byContent != null ? byContent : byName);
  }

  private static int countEntryLike(JsonNode array) {
    int count = 0;
    for (JsonNode element : array) {
      if (looksLikeEntry(element)) {
        count++;
      }
    }
    return count;
  }

  private static LocalDate dateOf(JsonNode holder, JsonNode root) {
    JsonNode date = holder.path("date");
    if (!date.isTextual()) {
      date = root.path("date");
    }
    return date.isTextual() ? IsoDates.date(date.asText()).orElse(null) : null;
  }
}
