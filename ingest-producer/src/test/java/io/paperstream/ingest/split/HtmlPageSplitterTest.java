package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlPageSplitterTest {

  private final PageSplitter splitter = SplitFixtures.splitter();

  @Test
  void islandWithEntityEncodedPropsIsThePrimarySource() {
    // given a page with a header island before the papers island, and a card the island overrides
    Page page = SplitFixtures.fixture("html/island-double-quoted.html");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.HTML);
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getArxivId).containsExactly("2502.04417", "2502.05123");
    RawEntry first = result.entries().get(0);
    assertThat(first.getSourceKind()).isEqualTo(SourceKind.HTML);
    assertThat(first.getPageDate()).isEqualTo(LocalDate.of(2025, 2, 14));
    assertThat(first.getTitle()).isEqualTo("Sparse Lattice Transformers & Tidal Forecasting");
    assertThat(first.getAbstract$()).contains("\"dense\"").contains("it's").contains("18\\%");
    assertThat(first.getAuthors()).containsExactly("Mira Okonkwo", "Tobias Lindqvist", "Hana Sato");
    assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2025-02-11T17:42:05Z"));
    assertThat(first.getOrganization()).isEqualTo("Tide Research Lab");
    assertThat(first.getSourceKeywords()).contains("sparse attention");
    assertThat(first.getAiSummary()).isEqualTo("Attention restricted to a station lattice forecasts tides better and cheaper.");
    assertThat(result.entries().get(1).getTitle()).isEqualTo("Orchard-Scale Pollination Maps\n  from Drone Swarms");
  }

  @Test
  void islandSingleQuotedWithRawQuotesAttributesReorderedAndCommentMarkers() {
    // given
    Page page = SplitFixtures.fixture("html/island-single-quoted.html");

    // when
    SplitResult result = splitter.split(page);

    // then it reads exactly like the double-quoted capture of the same page
    SplitResult doubleQuoted = splitter.split(SplitFixtures.fixture("html/island-double-quoted.html"));
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      RawEntry single = result.entries().get(i);
      RawEntry doubled = doubleQuoted.entries().get(i);
      assertThat(single.getTitle()).isEqualTo(doubled.getTitle());
      assertThat(single.getAbstract$()).isEqualTo(doubled.getAbstract$());
      assertThat(single.getAuthors()).isEqualTo(doubled.getAuthors());
      assertThat(single.getPageDate()).isEqualTo(doubled.getPageDate());
      assertThat(single.getUpvotes()).isEqualTo(doubled.getUpvotes());
    }
  }

  @Test
  void searchPageIslandWithOtherTargetAndBarePaperObjects() {
    // given
    Page page = SplitFixtures.fixture("html/search-island.html");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Sparse Lattice Transformers & Tidal Forecasting", "Lattice Boltzmann Surrogates for Harbour Flows");
    assertThat(result.entries().get(0).getAuthors()).containsExactly("Mira Okonkwo");
    assertThat(result.entries().get(0).getUpvotes()).isEqualTo(42);
    assertThat(result.entries().get(1).getComments()).isEqualTo(1);
    assertThat(result.entries()).extracting(RawEntry::getPageDate).containsOnlyNulls();
  }

  @Test
  void cardsAreTheFallbackWithoutAnIsland() {
    // given
    Page page = SplitFixtures.fixture("html/cards-only.html");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.HTML);
    assertThat(result.entries()).hasSize(2);
    RawEntry first = result.entries().get(0);
    assertThat(first.getTitle()).isEqualTo("Sparse Lattice Transformers & Tidal Forecasting");
    assertThat(first.getArxivId()).isEqualTo("2502.04417");
    assertThat(first.getUpvotes()).isEqualTo(42);
    assertThat(first.getAuthorCount()).isEqualTo(3);
    assertThat(first.getAbstract$()).isNull();
    RawEntry second = result.entries().get(1);
    assertThat(second.getArxivId()).isEqualTo("2502.05123");
    assertThat(second.getUpvotes()).isNull();
    assertThat(second.getAuthorCount()).isEqualTo(2);
    // the card without a title link is located, not dropped
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(2);
      assertThat(dead.getReason()).contains("without a title link");
    });
  }

  @Test
  void cardPageDateComesFromTheAddress() {
    // given
    Page page = new Page("https://huggingface.co/papers/date/2025-02-14", "text/html",
        SplitFixtures.bytes("html/cards-only.html"), SplitFixtures.FETCHED_AT, SplitFixtures.AS_OF);

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.entries()).extracting(RawEntry::getPageDate).containsOnly(LocalDate.of(2025, 2, 14));
  }

  @Test
  void laterIslandsNameTheListingDateDateString() {
    // given the site's landing page (no date in its address), whose props say periodType and dateString
    String body = papersIsland("{'periodType':'day','dateString':'2026-06-12','dailyPapers':"
        + "[{'paper':{'id':'2606.01234','title':'Kelp Forest Acoustics'}}],'prevDate':'2026-06-11'}");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("https://huggingface.co/papers", "text/html", body));

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getArxivId()).isEqualTo("2606.01234");
      assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2026, 6, 12));
    });
  }

  @Test
  void aWeekIslandsDateStringIsNoPageDate() {
    // given a weekly listing: its dateString is a week, which is no day
    String body = papersIsland("{'periodType':'week','dateString':'2026-W24','dailyPapers':"
        + "[{'paper':{'id':'2606.01234','title':'Kelp Forest Acoustics',"
        + "'submittedOnDailyAt':'2026-06-10T08:00:00.000Z'}}]}");

    // when
    SplitResult result =
        splitter.split(SplitFixtures.inline("https://huggingface.co/papers/week/2026-W24", "text/html", body));

    // then the entry keeps the day it was featured, and no page date is made up
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getPageDate()).isNull();
      assertThat(entry.getFeaturedDate()).isEqualTo(LocalDate.of(2026, 6, 10));
    });
  }

  @Test
  void pageWithoutIslandOrCardsIsOnePageLevelDeadLetter() {
    // given
    Page page = SplitFixtures.fixture("broken/no-papers.html");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.HTML);
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getSourceKind()).isEqualTo("HTML");
      assertThat(dead.getReason()).contains("no papers island").contains("no <article> paper cards");
    });
  }

  @Test
  void brokenPapersIslandIsNamedInThePageLevelDeadLetter() {
    // given
    String body = "<html><body><div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" "
        + "data-props=\"{&quot;date&quot;:&quot;2025-02-14&quot;,&quot;dailyPapers&quot;:[{&quot;paper\"></div></body></html>";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("https://huggingface.co/papers", "text/html", body));

    // then
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getReason()).contains("DailyPapers island").contains("not valid JSON");
    });
  }

  @Test
  void emptyPapersIslandIsADayWithoutPapers() {
    // given
    String body = "<html><body><div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" "
        + "data-props=\"{&quot;date&quot;:&quot;2025-02-15&quot;,&quot;dailyPapers&quot;:[]}\"></div></body></html>";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("https://huggingface.co/papers/date/2025-02-15", "text/html", body));

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.HTML);
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).isEmpty();
  }

  /** A page whose only content is a papers island with {@code props} (JSON written with ' for "), entity-encoded. */
  private static String papersIsland(String props) {
    return "<html><body><div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\""
        + props.replace("'", "&quot;") + "\"></div></body></html>";
  }
}
