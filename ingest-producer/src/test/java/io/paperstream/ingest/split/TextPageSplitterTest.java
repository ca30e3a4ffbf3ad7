package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
}
