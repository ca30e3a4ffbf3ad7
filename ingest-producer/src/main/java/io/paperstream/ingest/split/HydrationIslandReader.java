package io.paperstream.ingest.split;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the list of papers in a page's hydration islands: elements such as
 * {@code <div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{…}">} whose
 * props JSON the browser app renders the page from. jsoup has already decoded the attribute, however
 * it was quoted or entity-encoded.
 */
final class HydrationIslandReader {

  /**
   * The papers island, or why none could be used.
   *
   * @param located the entries array and its date; null when no island holds papers
   * @param problem why an island that should hold papers could not be read; null when none
   */
  record Island(EntryArrayLocator.Located located, String problem) {}

  private final JsonReader json;

  HydrationIslandReader(JsonReader json) {
    this.json = json;
  }

  /**
   * The island holding the most paper entries. An island whose target names papers counts even when
   * its list is empty (a day without papers); other islands count only if they hold entries, so
   * that some widget's unrelated {@code data} array is not mistaken for the papers.
   */
  Island read(Document document) {
    EntryArrayLocator.Located best = null;
    int bestCount = -1;
    String problem = null;
    for (Element island : document.select("[data-props]")) {
      boolean namesPapers = island.attr("data-target").toLowerCase(Locale.ROOT).contains("paper");
      JsonNode props;
      try {
        props = json.read(island.attr("data-props"));
      } catch (JsonProcessingException e) {
        if (namesPapers && problem == null) {
          problem = "the " + island.attr("data-target") + " island's data-props are not valid JSON: "
              + JsonReader.describe(e);
        }
        continue;
      }
      Optional<EntryArrayLocator.Located> located = EntryArrayLocator.locate(props);
      if (located.isEmpty()) {
        continue;
      }
      int entries = countEntries(located.get());
      if ((entries > 0 || namesPapers) && entries > bestCount) {
        best = located.get();
        bestCount = entries;
      }
    }
    return new Island(best, best == null ? problem : null);
  }

  private static int countEntries(EntryArrayLocator.Located located) {
    int count = 0;
    for (JsonNode element : located.entries()) {
      if (EntryArrayLocator.looksLikeEntry(element)) {
        count++;
      }
    }
    return count;
  }
}
