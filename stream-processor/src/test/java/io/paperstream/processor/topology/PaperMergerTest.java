package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.enrich.PaperEnricher;
import io.paperstream.processor.enrich.PaperEnricher.Enriched;
import io.paperstream.schemas.Paper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How two records of one paper fold into one: here, the page's AI summary. */
class PaperMergerTest {

  private static final String ID = "2601.00001";
  private static final Instant EARLY = Instant.parse("2026-01-02T08:00:00Z");
  private static final Instant LATE = Instant.parse("2026-01-03T08:00:00Z");

  private final PaperMerger merger = new PaperMerger(new PaperEnricher(new KeywordExtractor(5)));

  @Test
  void aNewerSightingsSummaryReplacesTheOlderOne() {
    // given a recorded paper with a summary
    Paper existing = merger.first(sighting(EARLY, "Lattices forecast tides.", "https://example.org/a")).paper();

    // when a later page gives another summary
    Paper merged = merger.merge(ID, existing,
        sighting(LATE, "Sparse lattices forecast tides from harbour gauges.", "https://example.org/b")).paper();

    // then the newer summary wins
    assertThat(merged.getAiSummary()).isEqualTo("Sparse lattices forecast tides from harbour gauges.");
  }

  @Test
  void aNewerSightingWithoutASummaryKeepsTheOlderOne() {
    // given a recorded paper with a summary
    Paper existing = merger.first(sighting(EARLY, "Lattices forecast tides.", "https://example.org/a")).paper();

    // when a later page (a text page, say) gives none
    Paper merged = merger.merge(ID, existing, sighting(LATE, null, "file:///pages/search.txt")).paper();

    // then the summary is kept
    assertThat(merged.getAiSummary()).isEqualTo("Lattices forecast tides.");
  }

  @Test
  void anOlderSightingArrivingLateDoesNotReplaceTheNewerSummary() {
    // given a paper recorded from a later page
    Paper existing = merger.first(
        sighting(LATE, "Sparse lattices forecast tides from harbour gauges.", "https://example.org/b")).paper();

    // when an earlier page, with an older summary, arrives after it
    Paper merged = merger.merge(ID, existing, sighting(EARLY, "Lattices forecast tides.", "https://example.org/a"))
        .paper();

    // then the summary of the more recently seen page stays: the order of arrival does not matter
    assertThat(merged.getAiSummary()).isEqualTo("Sparse lattices forecast tides from harbour gauges.");
  }

  @Test
  void aSummaryThatArrivesLaterDerivesTheKeywordsAgain() {
    // given a recorded paper, with keywords, and no summary
    Paper existing = merger.first(sighting(EARLY, null, "https://example.org/a")).paper();
    assertThat(existing.getKeywords()).isNotEmpty();

    // when the same page is seen again, and then a page that adds a summary
    Enriched again = merger.merge(ID, existing, sighting(LATE, null, "https://example.org/a"));
    Enriched summarized = merger.merge(ID, existing,
        sighting(LATE, "Lattices forecast tides.", "https://example.org/b"));

    // then the unchanged text carries its keywords over, and the summary has them derived anew
    assertThat(again.extraction()).isNull();
    assertThat(summarized.extraction()).isNotNull();
    assertThat(summarized.paper().getKeywords()).isNotEmpty();
  }

  @Test
  void theSummaryIsPartOfThePapersText() {
    // given two records that differ only in their summary
    Paper without = sighting(EARLY, null, "https://example.org/a");
    Paper with = sighting(EARLY, "Lattices forecast tides.", "https://example.org/a");

    // then their text is not the same, while a record is the same text as itself
    assertThat(PaperMerger.sameText(without, with)).isFalse();
    assertThat(PaperMerger.sameText(with, Paper.newBuilder(with).build())).isTrue();
  }

  private static Paper sighting(Instant seen, String aiSummary, String source) {
    return Paper.newBuilder()
        .setPaperId(ID)
        .setArxivId(ID)
        .setTitle("Sparse Lattice Transformers for Tidal Forecasting")
        .setAbstract$("We introduce sparse lattice transformers, which forecast tides from harbour gauges.")
        .setAiSummary(aiSummary)
        .setUpvotes(5)
        .setFirstSeen(seen)
        .setLastSeen(seen)
        .setSightings(1)
        .setSources(List.of(source))
        .build();
  }
}
