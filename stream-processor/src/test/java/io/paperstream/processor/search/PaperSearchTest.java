package io.paperstream.processor.search;

import static io.paperstream.processor.search.SearchPapers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ranking, date filters and highlights over an index of invented papers. */
class PaperSearchTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-20");

  private final SearchIndexStore index = SearchPapers.startedStore(SearchPapers.contextSearchingEveryChange());

  @BeforeEach
  void indexInventedPapers() {
    // papers that share most words, so that only the whole title tells them apart
    index.index(paper("1", "Tidal Lattice Models for Kelp Forests", "Kelp forests sway with the tide.", DAY, "Ana Okafor"));
    index.index(paper("2", "Tidal Lattice Models", "We model tides on a lattice of kelp gauges.", DAY.minusDays(3),
        "Ben Lindqvist"));
    index.index(paper("3", "Kelp Forests under Sonar", "Sonar maps tidal lattice kelp forests and models.",
        DAY.minusDays(10), "Ana Okafor"));
    index.index(paper("4", "Glacier Moraine Dating", "Moraines date glaciers.", DAY, "Chen Wu"));
    index.refresh();
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void anArxivIdAsReadersPasteItFindsThatPaperAlone() {
    // given a paper with an arXiv id beside the others
    index.index(paper("2603.00105", "Harbour Acoustics Without Labels", "Harbours hum; we listen.", DAY, "Chen Wu"));
    index.refresh();

    for (String pasted : List.of("2603.00105", "2603.00105v2", "arXiv:2603.00105", "https://arxiv.org/abs/2603.00105v1")) {
      // when it is searched by its id in any form
      List<SearchIndex.Hit> hits = index.search(PaperQueries.parse(pasted), 10);

      // then it is the one result
      assertThat(ids(hits)).as(pasted).containsExactly("2603.00105");
    }
  }

  @Test
  void anExactTitleRanksItsPaperFirst() {
    for (String title : List.of("Tidal Lattice Models for Kelp Forests", "Tidal Lattice Models", "Kelp Forests under Sonar")) {
      List<SearchIndex.Hit> hits = index.search(PaperQueries.parse(title), 10);
      assertThat(hits.get(0).paperId()).as(title).isEqualTo(idOfTitle(title));
      assertThat(hits.get(0).score()).as(title).isGreaterThan(hits.get(1).score());
    }
  }

  @Test
  void theTitleBonusAsASecondPassRanksAndScoresAsTheOneQueryDoes() {
    // given a pasted title: its words with the title-phrase bonus
    Query pasted = PaperQueries.parse("Tidal Lattice Models for Kelp Forests");
    assertThat(pasted).isInstanceOf(TitlePhraseBonus.class);
    Query asOneQuery = ((TitlePhraseBonus) pasted).asOneQuery();

    // when it is searched in two passes (the words, then the phrase over their best hits) and as one query
    List<SearchIndex.Hit> twoPasses = index.search(pasted, 10);
    List<SearchIndex.Hit> oneQuery = index.search(asOneQuery, 10);

    // then the same papers come in the same order with the same scores
    assertThat(ids(twoPasses)).containsExactlyElementsOf(ids(oneQuery)).hasSize(3);
    for (int i = 0; i < oneQuery.size(); i++) {
      assertThat(twoPasses.get(i).score()).isCloseTo(oneQuery.get(i).score(), org.assertj.core.api.Assertions.within(1e-4f));
    }
    // and a date filter keeps the bonus and narrows the hits
    assertThat(ids(index.search(PaperQueries.within(pasted, DAY.minusDays(5), null), 10))).containsExactly("1", "2");
  }

  @Test
  void authorsAndDatesNarrowTheHits() {
    assertThat(ids(index.search(PaperQueries.parse("author:okafor"), 10))).containsExactlyInAnyOrder("1", "3");
    Query kelp = PaperQueries.parse("kelp");
    assertThat(ids(index.search(PaperQueries.within(kelp, DAY.minusDays(5), null), 10))).containsExactlyInAnyOrder("1", "2");
    assertThat(ids(index.search(PaperQueries.within(kelp, null, DAY.minusDays(5)), 10))).containsExactly("3");
  }

  @Test
  void changesAndRemovalsAreSeenByTheNextSearch() {
    // when a paper changes its title and another is removed
    index.index(paper("4", "Glacier Kelp Dating", "Moraines date glaciers.", DAY, "Chen Wu"));
    index.remove("1");

    // then the next search sees both (the store reopens its reader at every search after a change)
    assertThat(ids(index.search(PaperQueries.parse("kelp"), 10))).containsExactlyInAnyOrder("2", "3", "4");
    assertThat(ids(index.search(PaperQueries.parse("moraine"), 10))).containsExactly("4");
  }

  @Test
  void highlightsAreTextWithTheRangesOfTheMatchedWords() {
    PaperHighlighter highlighter = new PaperHighlighter();
    Query query = PaperQueries.parse("kelp forests");

    PaperHighlighter.Highlight title = highlighter.title(query, "Tidal Lattice Models for Kelp Forests");
    assertThat(title.text()).isEqualTo("Tidal Lattice Models for Kelp Forests");
    assertThat(title.matches().stream().map(m -> title.text().substring(m[0], m[1]))).containsExactly("Kelp", "Forests");

    String text = "Sonar maps the seabed. Nothing else here is new. Kelp forests grow fast. The end is near.";
    PaperHighlighter.Highlight abstractText = highlighter.abstractText(query, text);
    assertThat(abstractText.text()).isEqualTo("… Kelp forests grow fast. …");
    assertThat(abstractText.matches().stream().map(m -> abstractText.text().substring(m[0], m[1])))
        .containsExactly("Kelp", "forests");

    PaperHighlighter.Highlight none = highlighter.abstractText(PaperQueries.parse("glacier"), text);
    assertThat(none.matches()).isEmpty();
    assertThat(none.text()).startsWith("Sonar maps the seabed.");
  }

  private static String idOfTitle(String title) {
    return switch (title) {
      case "Tidal Lattice Models for Kelp Forests" -> "1";
      case "Tidal Lattice Models" -> "2";
      default -> "3";
    };
  }

  private static List<String> ids(List<SearchIndex.Hit> hits) {
    return hits.stream().map(SearchIndex.Hit::paperId).toList();
  }

}
