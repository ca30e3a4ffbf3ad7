package io.paperstream.processor.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordEvaluationTest {

  private static final List<LabeledPaper> PAPERS = List.of(
      new LabeledPaper("2501.00001", LocalDate.parse("2025-01-02"), "Tidal Lattices",
          "An invented abstract about tidal lattices.", null, List.of("tidal lattice", "harbour graph")),
      new LabeledPaper("2501.00002", LocalDate.parse("2025-01-03"), "Moss Diffusion",
          "An invented abstract about moss diffusion.", null, List.of("moss diffusion", "copper kernels")));

  @Test
  void everyRowIsScoredInItsOrderWithoutSeeingThePapersKeywords() {
    // given two extractors: one that names one keyword right and one wrong, one that names none right
    List<List<String>> seen = new ArrayList<>();
    List<KeywordEvaluation.Row> rows = List.of(
        new KeywordEvaluation.Row("half right", paper -> {
          seen.add(paper.keywords());
          return paper.title().startsWith("Tidal") ? List.of("Tidal lattices", "sea wall") : List.of("moss diffusion");
        }),
        new KeywordEvaluation.Row("all wrong", paper -> List.of("orchard swarm")));

    // when
    List<KeywordEvaluation.Result> results = KeywordEvaluation.run(rows, PAPERS);

    // then the scores are each row's, by the matching rule ("Tidal lattices" is "tidal lattice")
    assertThat(results).extracting(KeywordEvaluation.Result::name).containsExactly("half right", "all wrong");
    assertThat(results.get(0).scores().recall()).isEqualTo(0.5);
    assertThat(results.get(0).scores().precision()).isEqualTo(2.0 / 3);
    assertThat(results.get(1).scores().recall()).isZero();
    assertThat(results.get(1).scores().keywordsPerPaper()).isEqualTo(1.0);
    // every call, scoring, warm-up and timed, saw the paper without its keywords
    int calls = PAPERS.size() * (KeywordEvaluation.WARM_UP_PASSES + KeywordEvaluation.TIMED_PASSES);
    assertThat(seen).hasSize(calls).allSatisfy(keywords -> assertThat(keywords).isEmpty());
    assertThat(results).allSatisfy(r -> assertThat(r.medianMillis()).isLessThanOrEqualTo(r.p99Millis()));
  }
}
