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
  private final ApiEntryMapper mapper;

  HtmlPageSplitter(HydrationIslandReader islands, HtmlCardReader cards, ApiEntryMapper mapper) {
    this.islands = islands;
    this.cards = cards;
    this.mapper = mapper;
  }

  void split(String text, PageContext page) {
    Document document = Jsoup.parse(text);
    HydrationIslandReader.Island island = islands.read(document);
    List<Element> visibleCards = cards.cards(document);
    LocalDate pageDate = island.located() != null && island.located().date() != null
        ? island.located().date()
        : IsoDates.fromSource(page.source()).orElse(null);
    boolean islandHasEntries = island.located() != null && !island.located().entries().isEmpty();
    // an island with an empty list is a day without papers, unless the page shows cards after all
    if (islandHasEntries || (island.located() != null && visibleCards.isEmpty())) {
      mapper.mapAll(island.located().entries(), pageDate, page);
      return;
    }
    if (!visibleCards.isEmpty()) {
      cards.read(visibleCards, pageDate, page);
      return;
    }
    page.rejectPage(island.problem() != null
        ? island.problem() + ", and the page shows no paper cards"
        : "no papers island (data-props holding paper entries) and no <article> paper cards", text);
  }
}
