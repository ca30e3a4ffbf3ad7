package io.paperstream.ingest.split;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits responses of {@code /api/daily_papers} (a JSON array of entries) and collectors' wrappers
 * around it ({@code {"date":…, "data":[…]}}) into entries, one per array element.
 */
final class ApiJsonPageSplitter {

  private final JsonReader json;
  private final ApiEntryMapper mapper;

  ApiJsonPageSplitter(JsonReader json, ApiEntryMapper mapper) {
    this.json = json;
    this.mapper = mapper;
  }

  void split(String text, PageContext page) {
    JsonNode root;
    try {
      root = json.read(text);
    } catch (JsonProcessingException e) {
      page.rejectPage("not valid JSON: " + JsonReader.describe(e), text);
      return;
    }
    if (root == null || root.isMissingNode()) {
      page.rejectPage("not valid JSON: no value in the body", text);
      return;
    }
    Optional<EntryArrayLocator.Located> located = EntryArrayLocator.locate(root);
    if (located.isEmpty()) {
      page.rejectPage(noEntriesReason(root), text);
      return;
    }
    // the page's own statement of its date beats what its address suggests
    LocalDate pageDate = located.get().date() != null
        ? located.get().date()
        : IsoDates.fromSource(page.source()).orElse(null);
    mapper.mapAll(located.get().entries(), pageDate, page);
  }

  private static String noEntriesReason(JsonNode root) {
    if (!root.isObject()) {
      return "JSON holds " + root.getNodeType().name().toLowerCase(Locale.ROOT)
          + ", not an array of paper entries";
    }
    String error = JsonValues.firstText(root, "error", "message");
    List<String> keys = new ArrayList<>();
    for (Iterator<String> names = root.fieldNames(); names.hasNext() && keys.size() < 10; ) {
      keys.add(names.next());
    }
    return "JSON object holds no array of paper entries (keys: " + String.join(", ", keys) + ")"
        + (error != null ? "; it says: " + error : "");
  }
}
