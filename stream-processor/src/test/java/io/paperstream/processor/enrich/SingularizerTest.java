package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SingularizerTest {

  private final Singularizer singularizer = new Singularizer();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "models, model", "networks, network", "strategies, strategy", "patches, patch", "losses, loss",
      "boxes, box", "processes, process", "indices, index", "analyses, analysis", "movies, movie",
      "llms, llm", "images, image", "videos, video",
      // not plurals: must stay
      "analysis, analysis", "physics, physics", "corpus, corpus", "loss, loss", "bias, bias", "series, series",
      "gas, gas", "learning, learning", "data, data", "model, model", "means, means", "bayes, bayes", "openhands, openhands", "codeforces, codeforces",
  })
  void turnsPluralsIntoSingularsAndLeavesTheRest(String word, String singular) {
    // given word

    // when
    String result = singularizer.singular(word);

    // then
    assertThat(result).isEqualTo(singular);
    assertThat(singularizer.singular(result)).as("idempotent").isEqualTo(result);
  }
}
