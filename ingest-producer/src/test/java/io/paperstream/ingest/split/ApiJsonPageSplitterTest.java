package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiJsonPageSplitterTest {

  private final PageSplitter splitter = SplitFixtures.splitter();

  @Test
  void entryWithAllFieldsIsMappedFieldByField() {
    // given
    Page page = SplitFixtures.fixture("api/2025-02-14.json");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.API_JSON);
    assertThat(result.deadLetters()).isEmpty();
    RawEntry entry = result.entries().get(0);
    assertThat(entry.getSourceKind()).isEqualTo(SourceKind.API_JSON);
    assertThat(entry.getPosition()).isZero();
    assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2025, 2, 14));
    assertThat(entry.getArxivId()).isEqualTo("2502.04417");
    assertThat(entry.getTitle()).isEqualTo("Sparse Lattice Transformers & Tidal Forecasting");
    assertThat(entry.getAbstract$()).startsWith("We present sparse lattice transformers, a family")
        .contains("18\\%").contains("\"dense\"");
    assertThat(entry.getAuthors()).containsExactly("Mira Okonkwo", "Tobias Lindqvist", "Hana Sato");
    assertThat(entry.getAuthorCount()).isEqualTo(3);
    assertThat(entry.getPublishedAt()).isEqualTo(Instant.parse("2025-02-11T17:42:05Z"));
    assertThat(entry.getFeaturedDate()).isEqualTo(LocalDate.of(2025, 2, 14));
    assertThat(entry.getUpvotes()).isEqualTo(42);
    assertThat(entry.getComments()).isEqualTo(3);
    assertThat(entry.getOrganization()).isEqualTo("Tide Research Lab");
    assertThat(entry.getGithubRepo()).isEqualTo("https://github.com/example-lab/sparse-lattice");
    assertThat(entry.getProjectPage()).isEqualTo("https://example-lab.github.io/sparse-lattice/");
    assertThat(entry.getSourceKeywords())
        .containsExactly("sparse attention", "tidal forecasting", "gauge-station lattice");
    assertThat(entry.getAiSummary())
        .isEqualTo("Attention restricted to a station lattice forecasts tides better and cheaper.");
    assertThat(entry.getDateText()).isNull();
  }

  @Test
  void hardWrappedTitleAndAbstractKeepTheirLineBreaks() {
    // given
    Page page = SplitFixtures.fixture("api/2025-02-14.json");

    // when
    RawEntry entry = splitter.split(page).entries().get(1);

    // then
    assertThat(entry.getTitle()).isEqualTo("Orchard-Scale Pollination Maps\n  from Drone Swarms");
    assertThat(entry.getAbstract$()).contains("weeks of\nmanual transects").contains("``ground truth''");
    // without submittedOnDailyAt the featured day is the entry's own date
    assertThat(entry.getFeaturedDate()).isEqualTo(LocalDate.of(2025, 2, 14));
    assertThat(entry.getComments()).isZero();
    assertThat(entry.getOrganization()).isNull();
    assertThat(entry.getSourceKeywords()).isNull();
  }

  @Test
  void minimalEntryNeedsOnlyIdAndTitle() {
    // given
    Page page = SplitFixtures.fixture("api/2025-02-14.json");

    // when
    RawEntry entry = splitter.split(page).entries().get(2);

    // then
    assertThat(entry.getArxivId()).isEqualTo("2502.07001");
    assertThat(entry.getTitle()).isEqualTo("Quiet Gradients in Noisy Orchards");
    assertThat(entry.getAbstract$()).isNull();
    assertThat(entry.getAuthors()).isNull();
    assertThat(entry.getAuthorCount()).isNull();
    assertThat(entry.getPublishedAt()).isNull();
    assertThat(entry.getFeaturedDate()).isNull();
    assertThat(entry.getUpvotes()).isNull();
    assertThat(entry.getComments()).isNull();
    assertThat(entry.getAiSummary()).isNull();
  }

  @Test
  void topLevelTitleAndSummaryStandInForMissingPaperFields() {
    // given
    Page page = SplitFixtures.fixture("api/2025-02-14.json");

    // when
    RawEntry entry = splitter.split(page).entries().get(3);

    // then
    assertThat(entry.getTitle()).isEqualTo("Borrowed Titles for Anonymous Papers");
    assertThat(entry.getAbstract$()).startsWith("Only the entry");
  }

  @Test
  void topLevelAiSummaryStandsInForAMissingPaperOne() {
    // given an entry whose summary is beside the paper, and one with a summary in both places
    String body = "[{\"paper\":{\"id\":\"2502.07101\",\"title\":\"Kelp Forests as Wave Breakers\"},"
        + "\"ai_summary\":\"  Kelp canopies damp incoming swell before it reaches the shore. \"},"
        + "{\"paper\":{\"id\":\"2502.07102\",\"title\":\"Salt Marsh Sediment Budgets\","
        + "\"ai_summary\":\"Marsh sediment keeps pace with a slowly rising sea.\"},"
        + "\"ai_summary\":\"An older entry-level summary of marsh sediment.\"}]";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/coast.json", "application/json", body));

    // then the entry's own stands in, trimmed, and the paper's wins where both are given
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getAiSummary).containsExactly(
        "Kelp canopies damp incoming swell before it reaches the shore.",
        "Marsh sediment keeps pace with a slowly rising sea.");
  }

  @Test
  void aBlankOrNonTextAiSummaryIsNull() {
    // given summaries that are blank, null, a number and an object
    String body = "[{\"paper\":{\"id\":\"2502.07201\",\"title\":\"Dune Migration Under Steady Wind\",\"ai_summary\":\"  \\n \"}},"
        + "{\"paper\":{\"id\":\"2502.07202\",\"title\":\"Glacier Calving Sounds\",\"ai_summary\":null}},"
        + "{\"paper\":{\"id\":\"2502.07203\",\"title\":\"Reef Acoustics at Dawn\",\"ai_summary\":42}},"
        + "{\"paper\":{\"id\":\"2502.07204\",\"title\":\"Tidal Flats from Above\",\"ai_summary\":{\"text\":\"x\"}}}]";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/shore.json", "application/json", body));

    // then every entry is kept, without a summary
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).hasSize(4).extracting(RawEntry::getAiSummary).containsOnlyNulls();
  }

  @Test
  void anAiSummaryOverTheAbstractLimitIsALocatedDeadLetter() {
    // given a splitter whose abstracts (and so summaries) may have 40 characters, and a page whose second summary has 41
    PageSplitter capped = new PageSplitter(new SplitLimits(1_000_000, 10_000, 200, 40, 50, 100, 200, 10),
        Clock.fixed(SplitFixtures.NOW, ZoneOffset.UTC));
    String body = "[{\"paper\":{\"id\":\"2502.07301\",\"title\":\"Estuary Mixing Lengths\",\"ai_summary\":\"Short.\"}},"
        + "{\"paper\":{\"id\":\"2502.07302\",\"title\":\"Fjord Stratification\",\"ai_summary\":\"" + "s".repeat(41) + "\"}}]";

    // when
    SplitResult result = capped.split(SplitFixtures.inline("file:///pages/fjord.json", "application/json", body));

    // then the first is kept, the second is a dead letter naming the field, its size and the setting
    assertThat(result.entries()).extracting(RawEntry::getAiSummary).containsExactly("Short.");
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(1);
      assertThat(dead.getReason()).isEqualTo("aiSummary is 41 characters, over the limit of 40 (split.max-abstract-chars)");
    });
  }

  @Test
  void badElementsAreLocatedDeadLettersAndGoodOnesGoThrough() {
    // given
    Page page = SplitFixtures.fixture("api/with-bad-elements.json");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.entries()).extracting(RawEntry::getPosition).containsExactly(0, 5);
    assertThat(result.entries()).extracting(RawEntry::getPageDate).containsOnlyNulls();
    assertThat(result.deadLetters()).extracting(DeadLetter::getPosition).containsExactly(1, 2, 3, 4);
    assertThat(result.deadLetters()).allSatisfy(dead -> {
      assertThat(dead.getSource()).isEqualTo(page.source());
      assertThat(dead.getSourceKind()).isEqualTo("API_JSON");
      assertThat(dead.getStage()).isEqualTo("split");
      assertThat(dead.getExcerpt()).isNotBlank().hasSizeLessThanOrEqualTo(DeadLetters.MAX_EXCERPT);
    });
    assertThat(result.deadLetters().get(0).getReason()).contains("Python repr()");
    assertThat(result.deadLetters().get(0).getExcerpt()).startsWith("{'paper': {'id': '2502.09999'");
    assertThat(result.deadLetters().get(1).getReason()).contains("no paper id");
    assertThat(result.deadLetters().get(2).getReason()).contains("a number");
    assertThat(result.deadLetters().get(3).getReason()).contains("2502.08888").contains("no title");
  }

  @Test
  void wrapperObjectWithDataArrayAndDate() {
    // given
    Page page = SplitFixtures.fixture("api/wrapped-data.json");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getArxivId).containsExactly("2502.05123", "2502.07001");
    assertThat(result.entries()).extracting(RawEntry::getPageDate).containsOnly(LocalDate.of(2025, 2, 14));
  }

  @Test
  void wrapperObjectWithDailyPapersArray() {
    // given
    String body = "{\"date\":\"2025-02-10\",\"dailyPapers\":[{\"paper\":{\"id\":\"2502.00001\",\"title\":\"Drifting Icebergs as Sensors\"}}],\"nextDate\":null}";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/dump.json", "application/json", body));

    // then
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getTitle()).isEqualTo("Drifting Icebergs as Sensors");
      assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2025, 2, 10));
    });
  }

  @Test
  void pageDateComesFromTheDateQueryParameter() {
    // given
    String body = "[{\"paper\":{\"id\":\"2406.00002v1\",\"title\":\"Mangrove Carbon from Space\"}}]";
    Page page = SplitFixtures.inline("https://huggingface.co/api/daily_papers?date=2024-06-05", "application/json; charset=utf-8", body);

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getPageDate()).isEqualTo(LocalDate.of(2024, 6, 5));
      assertThat(entry.getArxivId()).isEqualTo("2406.00002");
    });
  }

  @Test
  void emptyArrayIsADayWithoutPapersNotAnError() {
    // given
    Page page = SplitFixtures.inline("https://huggingface.co/api/daily_papers?date=2024-06-08", "application/json", "[]");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.API_JSON);
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).isEmpty();
  }

  @Test
  void jsonThatDoesNotParseIsOnePageLevelDeadLetter() {
    // given
    Page page = SplitFixtures.fixture("broken/truncated.json");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.API_JSON);
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getReason()).startsWith("not valid JSON").contains("line").contains("byte offset 1500");
      assertThat(dead.getExcerpt()).isNotBlank(); // the text before the cut
    });
  }

  @Test
  void jsonObjectWithoutEntriesSaysWhatItHolds() {
    // given
    Page page = SplitFixtures.inline("https://huggingface.co/api/daily_papers?date=2024-13-01", "application/json",
        "{\"error\":\"Invalid date\"}");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getReason()).contains("no array of paper entries").contains("Invalid date");
    });
  }

  @Test
  void trailingGarbageAfterTheArrayIsNotIgnoredButTheEntriesAreKept() {
    // given
    Page page = SplitFixtures.inline("file:///pages/2024-06-05.json", "application/json",
        "[{\"paper\":{\"id\":\"2406.00003\",\"title\":\"Seagrass Meadows\"}}] <html>");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly("Seagrass Meadows");
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getReason()).startsWith("not valid JSON").contains("byte offset 59");
      assertThat(dead.getPosition()).isEqualTo(1);
      assertThat(dead.getExcerpt()).contains("<html>");
    });
  }

  @Test
  void organisationMayComeFromThePaperAndNumbersFromStrings() {
    // given
    String body = "[{\"paper\":{\"id\":\"2502.00004\",\"title\":\"Tide Gauges on Old Piers\",\"upvotes\":\"12\","
        + "\"organization\":{\"name\":\"pierlab\"},\"ai_keywords\":[\"tide gauge\",\" \",7]},\"numComments\":2}]";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/p.json", null, body));

    // then
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getOrganization()).isEqualTo("pierlab");
      assertThat(entry.getUpvotes()).isEqualTo(12);
      assertThat(entry.getComments()).isEqualTo(2);
      assertThat(entry.getSourceKeywords()).containsExactly("tide gauge");
    });
  }
}
