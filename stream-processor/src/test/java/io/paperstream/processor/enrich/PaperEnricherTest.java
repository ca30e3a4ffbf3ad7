package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.Paper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperEnricherTest {

  private final PaperEnricher enricher = new PaperEnricher(new KeywordExtractor(5));

  private static Paper paper() {
    Instant seen = Instant.parse("2024-06-15T08:00:00Z");
    return Paper.newBuilder()
        .setPaperId("2406.01234")
        .setArxivId("2406.01234")
        .setTitle("Sparse Lattice Transformers for Tidal Forecasting")
        .setAbstract$("Tidal forecasting at coastal stations is hard. Sparse lattice transformers route messages "
            + "along tide gauges.")
        .setFirstSeen(seen)
        .setLastSeen(seen)
        .setSightings(1)
        .setSources(List.of("https://digest.example.org/papers/date/2024-06-15"))
        .build();
  }

  @Test
  void keepsThePagesOwnKeywordsCanonicalizedAndAddsNoMachineOnes() {
    // given
    Paper normalized = paper();

    // when the page supplies keywords of its own
    Paper enriched = enricher.enrich(normalized, List.of("Storm Surges", "Tidal-Forecasting", " "));

    // then they are the keywords, in canonical form
    assertThat(enriched.getKeywords()).containsExactly("storm surge", "tidal forecasting");
  }

  @Test
  void extractsKeywordsFromTitleAndAbstractWhenThePageHasNone() {
    // given
    Paper normalized = paper();

    // when
    Paper enriched = enricher.enrich(normalized, List.of());

    // then
    assertThat(enriched.getKeywords()).hasSizeLessThanOrEqualTo(5)
        .contains("sparse lattice transformer", "tidal forecasting");
  }

  @Test
  void changesNothingButTheKeywords() {
    // given
    Paper normalized = paper();

    // when
    Paper enriched = enricher.enrich(normalized, null);

    // then
    assertThat(Paper.newBuilder(enriched).setKeywords(List.of()).build()).isEqualTo(normalized);
    assertThat(normalized.getKeywords()).as("input untouched").isEmpty();
    assertThat(enriched.getKeywords()).isNotEmpty();
  }

  @Test
  void thePagesSummaryReachesTheRanker() {
    // given a ranker whose one tree likes what a page's summary names, and a paper whose summary
    // names the abstract's last phrase
    BoostedTrees trees = BoostedTrees.read(
        List.of("0", "f" + CandidateFeatures.NAMES.indexOf("whole-in-summary") + ":0.5 =-2 =2"), CandidateFeatures.NAMES.size());
    RankerModel.Branch branch = new RankerModel.Branch(trees, trees, 0.5, 0.5);
    PaperEnricher summaryMinded = new PaperEnricher(new KeywordExtractor(5, new RankerModel("test", branch, branch, 1)));
    Paper summarized = Paper.newBuilder(paper()).setAiSummary("A study of tide gauges.").build();

    // when
    Paper enriched = summaryMinded.enrich(summarized, List.of());
    Paper plain = summaryMinded.enrich(paper(), List.of());

    // then the phrase the summary names comes first; without a summary it does not
    assertThat(enriched.getKeywords().get(0)).isEqualTo("tide gauge");
    assertThat(plain.getKeywords().get(0)).isNotEqualTo("tide gauge");
  }
}
