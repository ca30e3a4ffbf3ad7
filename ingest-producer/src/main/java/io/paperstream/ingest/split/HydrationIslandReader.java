package io.paperstream.ingest.split;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the list of papers in a page's hydration islands: elements such as
 * {@code <div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{…}">} whose
 * props JSON the browser app renders the page from. jsoup has already decoded the attribute, however
 * it was quoted or entity-encoded. Islands are only scanned here (nothing of their entries kept);
 * the chosen one is streamed into the page afterwards.
 */
final class HydrationIslandReader {

  /**
   * The papers island, or why none could be used.
   *
   * @param source the chosen island's JSON; null when no island holds papers
   * @param scan where its entries are; null when no island holds papers
   * @param problem why an island that should hold papers could not be read; null when none
   */
  record Island(JsonSource source, EntryArrayScan.Result scan, String problem) {

    boolean found() {
      return scan != null;
    }

    int elements() {
      return scan == null ? 0 : scan.elements();
    }
  }

  private final JsonEntries json;

  HydrationIslandReader(JsonEntries json) {
    this.json = json;
  }

  /**
   * The island holding the most paper entries. An island whose target names papers counts even when
   * its list is empty (a day without papers); other islands count only if they hold entries, so
   * that some widget's unrelated {@code data} array is not mistaken for the papers.
   */
  Island read(Document document, int maxEntryChars) {
    JsonSource best = null;
    EntryArrayScan.Result bestScan = null;
    int bestCount = -1;
    String problem = null;
    for (Element island : document.select("[data-props]")) {
      boolean namesPapers = island.attr("data-target").toLowerCase(Locale.ROOT).contains("paper");
      JsonSource source = JsonSource.of(island.attr("data-props"));
      EntryArrayScan.Result scan = json.scan(source, maxEntryChars);
      if (!scan.found()) {
        if (namesPapers && problem == null && scan.error() != null) {
          problem = "the " + island.attr("data-target") + " island's data-props are not valid JSON: "
              + JsonEntries.syntaxReason(scan.error(), source, "no entry");
        }
        continue;
      }
      int entries = scan.entryLike();
      if ((entries > 0 || namesPapers) && entries > bestCount) {
        best = source;
        bestScan = scan;
        bestCount = entries;
      }
    }
    return new Island(best, bestScan, best == null ? problem : null);
  }
}
