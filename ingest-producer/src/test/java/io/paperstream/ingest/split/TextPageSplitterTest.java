package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextPageSplitterTest {

  private final PageSplitter splitter = SplitFixtures.splitter();

  @Test
  void dailyPageGivesOneEntryPerBlockWithProvenance() {
    // given
    Page page = SplitFixtures.fixture("text/daily-page.txt");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.TEXT);
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Sparse Lattice Transformers for Tidal Forecasting",
        "Orchard-Scale Pollination Maps from Drone Swarms",
        "Quiet Gradients in Noisy Orchards",
        "Harbour Acoustics Without Labels",
        "A Grammar of Lighthouse Signals",
        "Compressed Kelp Forest Simulation");
    assertThat(result.entries()).extracting(RawEntry::getPosition).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(result.entries()).allSatisfy(entry -> {
      assertThat(entry.getSource()).isEqualTo(page.source());
      assertThat(entry.getSourceKind()).isEqualTo(SourceKind.TEXT);
      assertThat(entry.getFetchedAt()).isEqualTo(SplitFixtures.FETCHED_AT);
      assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2025, 3, 13));
      assertThat(entry.getPageFingerprint()).isEqualTo(PaperKeys.sha256Hex(page.body()));
    });
  }

  @Test
  void authorCountAndDateWithYearComeFromTheMetadataBlock() {
    // given
    Page page = SplitFixtures.fixture("text/daily-page.txt");

    // when
    RawEntry first = splitter.split(page).entries().get(0);

    // then the abstract is kept as printed, LaTeX escape included
    assertThat(first.getAbstract$()).startsWith("We present sparse lattice transformers").contains("18\\%");
    assertThat(first.getAuthorCount()).isEqualTo(8);
    assertThat(first.getOrganization()).isNull();
    assertThat(first.getDateText()).isEqualTo("Mar 6, 2021");
    assertThat(first.getUpvotes()).isNull();
  }

  @Test
  void organisationLineAndTrailingUpvoteCount() {
    // given
    Page page = SplitFixtures.fixture("text/daily-page.txt");

    // when
    RawEntry second = splitter.split(page).entries().get(1);

    // then
    assertThat(second.getOrganization()).isEqualTo("acme Acme Labs");
    assertThat(second.getAuthorCount()).isNull();
    assertThat(second.getDateText()).isEqualTo("Sep 29, 2023");
    assertThat(second.getUpvotes()).isEqualTo(1);
    assertThat(second.getAbstract$()).contains("``ground truth''");
  }

  @Test
  void yearLessEntryDateIsKeptAsPrinted() {
    // given
    Page page = SplitFixtures.fixture("text/daily-page.txt");

    // when
    RawEntry third = splitter.split(page).entries().get(2);

    // then
    assertThat(third.getDateText()).isEqualTo("Jul 30");
    assertThat(third.getAuthorCount()).isEqualTo(3);
  }

  @Test
  void titleFollowedDirectlyByMetadataHasNoAbstract() {
    // given
    Page page = SplitFixtures.fixture("text/daily-page.txt");

    // when
    RawEntry fourth = splitter.split(page).entries().get(3);

    // then
    assertThat(fourth.getTitle()).isEqualTo("Harbour Acoustics Without Labels");
    assertThat(fourth.getAbstract$()).isNull();
    assertThat(fourth.getAuthorCount()).isEqualTo(2);
    assertThat(fourth.getDateText()).isEqualTo("Mar 11");
    assertThat(fourth.getUpvotes()).isEqualTo(12);
  }

  @Test
  void entryWithoutMetadataBlockKeepsTitleAndAbstractOnly() {
    // given
    Page page = SplitFixtures.fixture("text/daily-page.txt");

    // when
    RawEntry fifth = splitter.split(page).entries().get(4);

    // then
    assertThat(fifth.getAbstract$()).contains("\\tool");
    assertThat(fifth.getAuthorCount()).isNull();
    assertThat(fifth.getOrganization()).isNull();
    assertThat(fifth.getDateText()).isNull();
    assertThat(fifth.getUpvotes()).isNull();
  }

  @Test
  void searchPageWithoutDailyPapersLineAndWithoutBlankLines() {
    // given
    Page page = SplitFixtures.fixture("text/search-page.txt");

    // when
    SplitResult result = splitter.split(page);

    // then the title without an abstract stands alone and does not shift later pairs
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Tidal Memory in Recurrent Estuary Models",
        "Salt Wedge Detection with Sparse Sonar",
        "Low-Cost Buoys for Wave Spectra",
        "Learning to Forecast Fog Banks from Ferry Logs");
    assertThat(result.entries().get(1).getAbstract$()).isNull();
    assertThat(result.entries().get(2).getAbstract$()).startsWith("Commercial wave buoys");
    assertThat(result.entries()).allSatisfy(entry -> {
      assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2025, 3, 13));
      assertThat(entry.getAuthorCount()).isNull();
    });
  }

  @Test
  void pageDateAfterAsOfBelongsToThePreviousYear() {
    // given a page dated Dec 29 read on Jan 5
    String body = String.join("\n", "new", "Subscribe", "Daily Papers", "byAK and the research community", "Dec 29",
        "Winter Storm Surge Ensembles", "We combine twelve surge models into an ensemble. It beats the best single model.");
    Page page = new Page("https://example.org/papers", "text/plain", body.getBytes(), SplitFixtures.FETCHED_AT,
        LocalDate.of(2026, 1, 5));

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.entries()).singleElement()
        .satisfies(entry -> assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2025, 12, 29)));
  }

  @Test
  void pageDateOnOrBeforeAsOfStaysInTheAsOfYear() {
    // given
    String body = String.join("\n", "Daily Papers", "Jan 5",
        "New Year Sea Ice Retreat", "We measure sea ice retreat over the holidays. The retreat is faster than expected.");
    Page page = new Page("file:///pages/jan.txt", null, body.getBytes(), SplitFixtures.FETCHED_AT, LocalDate.of(2026, 1, 5));

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.entries()).singleElement()
        .satisfies(entry -> assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2026, 1, 5)));
  }

  @Test
  void headerLinesMayBeMissingOrDifferent() {
    // given a capture that kept only the date and an unfamiliar line of chrome before it
    String body = String.join("\n\n", "Daily Papers", "Papers of the day", "Mar 2",
        "Kelp Canopy Segmentation from Kayaks",
        "We mount cameras on kayaks and segment kelp canopies from the water surface. Our segmenter runs on a phone.",
        "  • 4 authors", "·", "Feb 27");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/x.txt", "text/plain", body));

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getTitle()).isEqualTo("Kelp Canopy Segmentation from Kayaks");
      assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2025, 3, 2));
      assertThat(entry.getAuthorCount()).isEqualTo(4);
      assertThat(entry.getDateText()).isEqualTo("Feb 27");
    });
  }

  @Test
  void pageWithoutAnyHeaderStillSplitsByShape() {
    // given
    String body = String.join("\n", "Reef Noise as a Health Signal",
        "Healthy reefs are loud. We record reef soundscapes for a year and show that noise levels track coral cover.",
        "  • 6 authors", "·", "Oct 3, 2024");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/y.txt", null, body));

    // then
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getPageDate()).isNull();
      assertThat(entry.getAuthorCount()).isEqualTo(6);
      assertThat(entry.getDateText()).isEqualTo("Oct 3, 2024");
    });
  }

  @Test
  void metadataWithoutTitleIsALocatedDeadLetterAndTheRestGoesThrough() {
    // given a stray metadata block between two entries
    String body = String.join("\n", "Daily Papers", "Mar 13",
        "Sounding Fjords with Ferries", "Ferries cross fjords every hour. We turn their echo sounders into a bathymetry survey.",
        "  • 2 authors", "·", "Mar 1",
        "  • 7 authors", "·", "Mar 2",
        "Glacier Calving Alarms", "Calving events shake the ground. A seismometer network raises an alarm within seconds.");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/z.txt", "text/plain", body));

    // then
    assertThat(result.entries()).extracting(RawEntry::getPosition).containsExactly(0, 2);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(1);
      assertThat(dead.getSource()).isEqualTo("file:///pages/z.txt");
      assertThat(dead.getSourceKind()).isEqualTo("TEXT");
      assertThat(dead.getReason()).contains("metadata without a title");
      assertThat(dead.getExcerpt()).contains("7 authors");
      assertThat(dead.getStage()).isEqualTo("split");
      assertThat(dead.getOccurredAt()).isEqualTo(SplitFixtures.NOW);
    });
  }

  @Test
  void textWithoutRecognisableEntriesIsOnePageLevelDeadLetter() {
    // given
    Page page = SplitFixtures.fixture("broken/shopping-list.txt");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.TEXT);
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getReason()).contains("no recognisable entries");
      assertThat(dead.getExcerpt()).startsWith("eggs");
    });
  }

  @Test
  void headerWithoutEntriesIsOnePageLevelDeadLetter() {
    // given
    String body = "new\nGet trending papers in your email inbox!\nSubscribe\nDaily Papers\nMar 13\n";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/empty-day.txt", "text/plain", body));

    // then
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).extracting(DeadLetter::getPosition).containsExactly((Integer) null);
  }

  @Test
  void upvoteCountOnALineOfItsOwnBelongsToTheEntryBeforeIt() {
    // given a capture that puts each card's upvotes on the line after its date, titles without abstracts
    String body = String.join("\n", "Daily Papers", "Jun 12",
        "Lattice Gardens: Growing Sparse Routers", "  • 7 authors", "·", "Jun 10", "12",
        "Quiet Tokens in Long-Context Retrieval", "  • 4 authors", "·", "Jun 11", "3",
        "Tide Ledgers for Auditing Agents", "  • 11 authors", "·", "Jun 9");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/counts-after.txt", "text/plain", body));

    // then no bare number became a paper
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Lattice Gardens: Growing Sparse Routers", "Quiet Tokens in Long-Context Retrieval",
        "Tide Ledgers for Auditing Agents");
    assertThat(result.entries()).extracting(RawEntry::getUpvotes).containsExactly(12, 3, null);
    assertThat(result.entries()).extracting(RawEntry::getAuthorCount).containsExactly(7, 4, 11);
    assertThat(result.entries()).extracting(RawEntry::getDateText).containsExactly("Jun 10", "Jun 11", "Jun 9");
  }

  @Test
  void upvoteCountsPrintedBeforeEachTitleBelongToTheEntryAfterThem() {
    // given a capture whose cards begin with their upvote box
    String body = String.join("\n", "Daily Papers", "Jun 12",
        "41", "Lattice Gardens: Growing Sparse Routers", "  • 7 authors", "·", "Jun 10",
        "5", "Quiet Tokens in Long-Context Retrieval",
        "Tide Ledgers for Auditing Agents", "  • 11 authors", "·", "Jun 9");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/counts-first.txt", "text/plain", body));

    // then each count goes to the title after it; the entry printed without one has none
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Lattice Gardens: Growing Sparse Routers", "Quiet Tokens in Long-Context Retrieval",
        "Tide Ledgers for Auditing Agents");
    assertThat(result.entries()).extracting(RawEntry::getUpvotes).containsExactly(41, 5, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Weekly Papers|Week 24", "Weekly Papers|2026-W24", "Monthly Papers|June 2026",
      "Monthly Papers|Jun 2026", "Week 24, 2026"})
  void weeklyAndMonthlyHeadersAreChromeNotEntries(String header) {
    // given a weekly or monthly listing's capture: its period instead of a day, entries with their own dates
    String body = String.join("\n\n", header.replace('|', '\n'), "byAK and the research community",
        "Lattice Gardens: Growing Sparse Routers",
        "We grow sparse routers for mixture models by pruning lattice paths on a schedule that keeps experts balanced.",
        "  • 7 authors", "·", "Jun 10, 2026 12");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/week.txt", "text/plain", body));

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getTitle()).isEqualTo("Lattice Gardens: Growing Sparse Routers");
      assertThat(entry.getPageDate()).isNull();
      assertThat(entry.getDateText()).isEqualTo("Jun 10, 2026");
      assertThat(entry.getUpvotes()).isEqualTo(12);
    });
  }

  @Test
  void metadataWithWordsIsMetadataNotTitles() {
    // given a capture whose cards print their metadata with words, and who submitted each paper
    String body = String.join("\n\n", "Daily Papers", "by AK and the research community", "Jun 12",
        "Submitted by akhaliq",
        "Lattice Gardens: Growing Sparse Routers",
        "We grow sparse routers for mixture models by pruning lattice paths on a schedule that keeps experts balanced.",
        "· 7 authors", "Published on Jun 10, 2026", "12 upvotes", "3 comments",
        "Submitted by someone",
        "Quiet Tokens in Long-Context Retrieval",
        "Long-context retrieval benefits from tokens that carry little attention mass; we show how to keep them.",
        "· 4 authors", "Published on Jun 11, 2026");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/card-words.txt", "text/plain", body));

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Lattice Gardens: Growing Sparse Routers", "Quiet Tokens in Long-Context Retrieval");
    assertThat(result.entries()).extracting(RawEntry::getDateText).containsExactly("Jun 10, 2026", "Jun 11, 2026");
    assertThat(result.entries()).extracting(RawEntry::getUpvotes).containsExactly(12, null);
    assertThat(result.entries()).extracting(RawEntry::getComments).containsExactly(3, null);
    assertThat(result.entries()).extracting(RawEntry::getAuthorCount).containsExactly(7, 4);
  }

  @Test
  void shortLinesWithNumbersAreNoDigestPage() {
    // given a list with counts, nothing that says digest page
    String body = "eggs\n12\nmilk\n2\nrye bread\n1\n";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///notes/list.txt", "text/plain", body));

    // then
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement()
        .satisfies(dead -> assertThat(dead.getReason()).contains("no recognisable entries"));
  }

  private static final String NAVIGATION = String.join("\n", "Hugging Face", "Models", "Datasets", "Spaces",
      "Community", "Docs", "Enterprise", "Pricing", "Log In", "Sign Up");
  private static final String FOOTER = String.join("\n", "System theme", "Company", "TOS", "Privacy", "About",
      "Careers", "Website", "Models", "Datasets", "Spaces", "Pricing", "Docs");
  private static final String TWO_ENTRIES = String.join("\n",
      "Lattice Gardens: Growing Sparse Routers",
      "We grow sparse routers for mixture models by pruning lattice paths on a schedule that keeps experts balanced. "
          + "Routing costs fall by half.",
      "  • 7 authors", "·", "Jun 10, 2026",
      "Quiet Tokens in Long-Context Retrieval",
      "Long-context retrieval benefits from tokens that carry little attention mass. We show how to find them and "
          + "how to keep them.");

  @ParameterizedTest
  @ValueSource(strings = {"Daily Papers|Jun 12", "Weekly Papers|Week 24"})
  void theSitesNavigationAndFooterAroundAWholePageCaptureAreNoEntries(String header) {
    // given "select all, copy" of the whole page: the site's navigation, the digest, the site's footer
    String body = String.join("\n\n", NAVIGATION, "new", "Get trending papers in your email inbox!", "Subscribe",
        header.replace('|', '\n'), "byAK and the research community", TWO_ENTRIES, FOOTER);

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/whole.txt", "text/plain", body));

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Lattice Gardens: Growing Sparse Routers", "Quiet Tokens in Long-Context Retrieval");
    assertThat(result.entries().get(0).getPageDate())
        .isEqualTo(header.startsWith("Daily") ? LocalDate.of(2024, 6, 12) : null); // the latest Jun 12 before the as-of date
  }

  @Test
  void unknownShortLinesAfterTheLastAbstractAreOneDeadLetterNotPapers() {
    // given three short lines after the last abstract that are not the site's own
    String body = String.join("\n", "Daily Papers", "Jun 12", TWO_ENTRIES, "Reading list", "Ask the team", "Fold here");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/tail.txt", "text/plain", body));

    // then the entries are kept and the lines are shown, located after them
    assertThat(result.entries()).hasSize(2);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(2);
      assertThat(dead.getReason()).contains("3 short lines after the last entry");
      assertThat(dead.getExcerpt()).isEqualTo("Reading list | Ask the team | Fold here");
    });
  }
}
