package io.paperstream.ingest.split;

import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Splits listing and search pages. The hydration island holds the full entries (abstract, authors,
 * dates) and is the primary source; the visible cards, which lack most of that, are the fallback.
 */
final class HtmlPageSplitter {

  private final HydrationIslandReader islands;
  private final HtmlCardReader cards;
  private final JsonEntries json;

  HtmlPageSplitter(HydrationIslandReader islands, HtmlCardReader cards, JsonEntries json) {
    this.islands = islands;
    this.cards = cards;
    this.json = json;
  }

  void split(String text, PageContext page) {
    Document document = Jsoup.parse(text);
    HydrationIslandReader.Island island = islands.read(document, page.limits().maxEntryChars());
    List<Element> visibleCards = cards.cards(document);
    LocalDate sourceDate = IsoDates.fromSource(page.source()).orElse(null);
    // an island with an empty list is a day without papers, unless the page shows cards after all
    if (island.elements() > 0 || (island.found() && visibleCards.isEmpty())) {
      json.stream(island.source(), island.scan(), sourceDate, page);
      return;
    }
    if (!visibleCards.isEmpty()) {
      LocalDate pageDate = island.found() && island.scan().date() != null ? island.scan().date() : sourceDate;
      cards.read(visibleCards, pageDate, page);
      return;
    }
    page.rejectPage(island.problem() != null
        ? island.problem() + ", and the page shows no paper cards"
        : "no papers island (data-props holding paper entries) and no <article> paper cards", text);
  }
}
