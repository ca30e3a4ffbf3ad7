package io.paperstream.processor.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNormalizerTest {

  private static final Instant FETCHED = Instant.parse("2024-06-15T22:30:00Z");
  private static final String SOURCE = "https://digest.example.org/papers/date/2024-06-15";

  private final EntryNormalizer normalizer = new EntryNormalizer();

  /** A valid entry with only what every page gives; tests add what they need. */
  private static RawEntry.Builder entry() {
    return RawEntry.newBuilder()
        .setSource(SOURCE)
        .setSourceKind(SourceKind.API_JSON)
        .setFetchedAt(FETCHED)
        .setPosition(3)
        .setPageFingerprint("ab".repeat(32))
        .setTitle("Sparse Lattice Transformers for Tidal Forecasting");
  }

  @Test
  void normalizesTitleAndAbstract() throws Exception {
    // given
    RawEntry raw = entry()
        .setTitle("Sparse Lattice Transformers for\n  Tidal Forecasting")
        .setAbstract$("We reach 97\\% skill with a \\emph{sparse}\nlattice.")
        .build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getTitle()).isEqualTo("Sparse Lattice Transformers for Tidal Forecasting");
    assertThat(paper.getAbstract$()).isEqualTo("We reach 97% skill with a sparse lattice.");
  }

  @Test
  void aBlankAbstractBecomesNull() throws Exception {
    // given
    RawEntry raw = entry().setAbstract$(" \n ").build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getAbstract$()).isNull();
  }

  @Test
  void normalizesTheAiSummaryLikeTheAbstract() throws Exception {
    // given a page's one-sentence summary with a hard wrap and LaTeX-ish escapes
    RawEntry raw = entry()
        .setAbstract$("We reach 97\\% skill with a sparse lattice.")
        .setAiSummary("  A \\emph{sparse} lattice forecasts tides\n  with 97\\% skill. ")
        .build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then it is normalized as the abstract is, and the abstract is left as it was
    assertThat(paper.getAiSummary()).isEqualTo("A sparse lattice forecasts tides with 97% skill.");
    assertThat(paper.getAbstract$()).isEqualTo("We reach 97% skill with a sparse lattice.");
  }

  @Test
  void aBlankAiSummaryBecomesNullAndAMissingOneStaysNull() throws Exception {
    // given one entry with a blank summary and one without any
    RawEntry blank = entry().setAiSummary(" \n\t ").build();
    RawEntry missing = entry().build();

    // when
    Paper fromBlank = normalizer.normalize(blank);
    Paper fromMissing = normalizer.normalize(missing);

    // then neither has a summary
    assertThat(fromBlank.getAiSummary()).isNull();
    assertThat(fromMissing.getAiSummary()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t", "{}"})
  void anEntryWithoutATitleIsRejected(String title) {
    // given
    RawEntry raw = entry().setTitle(title).build();

    // when / then
    assertThatThrownBy(() -> normalizer.normalize(raw))
        .isInstanceOf(NormalizationException.class)
        .hasMessage("entry has no title");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "2406.01234v3, 2406.01234",
      "2406.01234, 2406.01234",
      "arXiv:2406.01234v1, 2406.01234",
      "https://arxiv.org/abs/2406.01234v2, 2406.01234",
      "1312.6114, 1312.6114",
      "hep-th/9901001v2, hep-th/9901001",
      "math.GT/0309136, math.GT/0309136",
  })
  void stripsTheVersionFromTheArxivId(String printed, String id) throws Exception {
    // given
    RawEntry raw = entry().setArxivId(printed).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getArxivId()).isEqualTo(id);
    assertThat(paper.getPaperId()).isEqualTo(id);
    assertThat(paper.getArxivUrl()).isEqualTo("https://arxiv.org/abs/" + id);
    assertThat(EntryNormalizer.paperKeyOf(printed)).as("the key a query finds").isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"title:0123456789abcdef", "paper-42", "2413.01234"})
  void anIdThatIsNoArxivIdIsLookedUpAsGiven(String id) {
    assertThat(EntryNormalizer.paperKeyOf(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2406.123", "2413.01234", "2406.1234", "1312.61145", "0612.1234", "paper-42", "24060.1234",
      "hep-th/99010"})
  void anInvalidArxivIdIsRejectedWithTheReason(String printed) {
    // given
    RawEntry raw = entry().setArxivId(printed).build();

    // when / then
    assertThatThrownBy(() -> normalizer.normalize(raw))
        .isInstanceOf(NormalizationException.class)
        .hasMessageStartingWith("invalid arXiv id \"" + printed + "\": ");
  }

  @Test
  void withoutAnArxivIdThePaperIdIsTheTitleFingerprint() throws Exception {
    // given
    RawEntry raw = entry().setTitle("Sparse  Lattice Transformers\nfor Tidal Forecasting").build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getArxivId()).isNull();
    assertThat(paper.getArxivUrl()).isNull();
    assertThat(paper.getPaperId())
        .isEqualTo(PaperKeys.provisionalKey(null, "Sparse Lattice Transformers for Tidal Forecasting"))
        .startsWith(PaperKeys.TITLE_PREFIX);
  }

  @Test
  void normalizesAuthorNamesAndDropsBlankOnes() throws Exception {
    // given
    RawEntry raw = entry().setAuthors(List.of(" Ada  Ames ", "Bo\u00A0Brandt", "  ", "C\\'eline Cruz")).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getAuthors()).containsExactly("Ada Ames", "Bo Brandt", "Céline Cruz");
  }

  @Test
  void missingAuthorsAreAnEmptyList() throws Exception {
    // given
    RawEntry raw = entry().build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getAuthors()).isEmpty();
    assertThat(paper.getAuthorCount()).isNull();
  }

  @Test
  void thePrintedAuthorCountWins() throws Exception {
    // given: a text page says "8 authors" but lists none
    RawEntry raw = entry().setAuthorCount(8).setAuthors(List.of("Ada Ames")).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getAuthorCount()).isEqualTo(8);
  }

  @Test
  void theAuthorCountFallsBackToTheListedAuthors() throws Exception {
    // given
    RawEntry raw = entry().setAuthors(List.of("Ada Ames", "Bo Brandt", "Cy Cruz")).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getAuthorCount()).isEqualTo(3);
  }

  @Test
  void thePublishedTimeGivesThePublishedDateInUtc() throws Exception {
    // given: the structured time wins over the printed date and is read in UTC
    RawEntry raw = entry()
        .setPublishedAt(Instant.parse("2024-06-11T02:00:00Z"))
        .setDateText("Jun 1")
        .setPageDate(LocalDate.of(2024, 6, 15))
        .build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getPublishedDate()).isEqualTo(LocalDate.of(2024, 6, 11));
  }

  @Test
  void withoutAPublishedTimeThePrintedDateIsResolvedAgainstThePageDate() throws Exception {
    // given
    RawEntry raw = entry().setDateText("Dec 30").setPageDate(LocalDate.of(2025, 1, 3)).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getPublishedDate()).isEqualTo(LocalDate.of(2024, 12, 30));
  }

  @Test
  void aYearlessPrintedDateWithoutAPageDateTakesTheFetchYear() throws Exception {
    // given
    RawEntry raw = entry().setDateText("Jun 2").build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getPublishedDate()).isEqualTo(LocalDate.of(2024, 6, 2));
  }

  @Test
  void withoutAnyPaperDateThePageDateIsUsed() throws Exception {
    // given
    RawEntry raw = entry().setPageDate(LocalDate.of(2024, 6, 14)).setFeaturedDate(LocalDate.of(2024, 6, 13)).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getPublishedDate()).isEqualTo(LocalDate.of(2024, 6, 14));
    assertThat(paper.getFeaturedDate()).isEqualTo(LocalDate.of(2024, 6, 13));
  }

  @Test
  void withoutAPageDateTheFeaturedDateIsUsed() throws Exception {
    // given
    RawEntry raw = entry().setFeaturedDate(LocalDate.of(2024, 6, 13)).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getPublishedDate()).isEqualTo(LocalDate.of(2024, 6, 13));
  }

  @Test
  void withoutAnyDateTheFetchDayInUtcIsUsed() throws Exception {
    // given
    RawEntry raw = entry().setFetchedAt(Instant.parse("2024-06-15T23:59:59Z")).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getPublishedDate()).isEqualTo(LocalDate.of(2024, 6, 15));
  }

  @Test
  void anUnreadablePrintedDateRejectsTheEntry() {
    // given
    RawEntry raw = entry().setDateText("sometime soon").build();

    // when / then
    assertThatThrownBy(() -> normalizer.normalize(raw))
        .isInstanceOf(NormalizationException.class)
        .hasMessageContaining("\"sometime soon\"");
  }

  @Test
  void negativeUpvotesAreRejected() {
    // given
    RawEntry raw = entry().setUpvotes(-2).build();

    // when / then
    assertThatThrownBy(() -> normalizer.normalize(raw))
        .isInstanceOf(NormalizationException.class)
        .hasMessageContaining("upvotes")
        .hasMessageContaining("-2");
  }

  @Test
  void countsAndPageFieldsAreCarriedOver() throws Exception {
    // given
    RawEntry raw = entry().setUpvotes(0).setComments(4).setOrganization("  Tide\nLab ")
        .setProjectPage(" https://tide.example.org/ ").build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getUpvotes()).isZero();
    assertThat(paper.getComments()).isEqualTo(4);
    assertThat(paper.getOrganization()).isEqualTo("Tide Lab");
    assertThat(paper.getProjectPage()).isEqualTo("https://tide.example.org/");
  }

  @Test
  void theRecordIsOneSighting() throws Exception {
    // given
    RawEntry raw = entry().build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getFirstSeen()).isEqualTo(FETCHED);
    assertThat(paper.getLastSeen()).isEqualTo(FETCHED);
    assertThat(paper.getSightings()).isEqualTo(1);
    assertThat(paper.getSources()).containsExactly(SOURCE);
    assertThat(paper.getKeywords()).isEmpty();
  }

  @Test
  void thePagesOwnKeywordsAreKeptAsGivenForEnrichment() throws Exception {
    // given
    RawEntry withKeywords = entry().setSourceKeywords(List.of("Tidal-Forecasting", "LLMs")).build();
    RawEntry without = entry().build();

    // when
    Paper paper = normalizer.normalize(withKeywords);
    Paper none = normalizer.normalize(without);

    // then
    assertThat(paper.getSourceKeywords()).containsExactly("Tidal-Forecasting", "LLMs");
    assertThat(paper.getKeywords()).as("filled by enrichment").isEmpty();
    assertThat(none.getSourceKeywords()).isEmpty();
  }

  @Test
  void codeUrlsComeFromTheRepositoryFieldAndTheAbstractDeduplicated() throws Exception {
    // given: the same repository three ways, plus a second one and a project page that is not code
    RawEntry raw = entry()
        .setGithubRepo("https://github.com/tide-lab/marea")
        .setAbstract$("Code: https://www.GitHub.com/tide-lab/marea.git/. Baselines at "
            + "github.com/ames/tidebench/tree/main and https://github.com/tide-lab/marea. "
            + "Demo: https://tide-lab.github.io/marea.")
        .build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getCodeUrls())
        .containsExactly("https://github.com/tide-lab/marea", "https://github.com/ames/tidebench");
  }
}
