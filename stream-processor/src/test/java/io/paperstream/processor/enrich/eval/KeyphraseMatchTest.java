package io.paperstream.processor.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyphraseMatchTest {

  @Test
  void theRuleOfTheIssueIsAppliedStepByStep() {
    // given / when / then: case, parentheses, separators, other characters, white space, plural s
    assertThat(KeyphraseMatch.key("Large-Language Models (LLMs)")).isEqualTo("large language model");
    assertThat(KeyphraseMatch.key("  text_to/image   Synthesis ")).isEqualTo("text to image synthesi");
    assertThat(KeyphraseMatch.key("Gemma-2-2b's tokens!")).isEqualTo("gemma 2 2bs token");
    assertThat(KeyphraseMatch.key("loss class gas")).isEqualTo("loss class gas");
    assertThat(KeyphraseMatch.key("Mixture of Experts")).isEqualTo("mixture of expert");
    assertThat(KeyphraseMatch.key("(only parentheses)")).isEmpty();
    assertThat(KeyphraseMatch.key(null)).isEmpty();
  }

  @Test
  void scoresAreMicroAveragedOverDistinctKeys() {
    // given
    KeywordScores scores = new KeywordScores();

    // when: paper 1 finds 2 of 3 with one wrong; paper 2 finds 0 of 1 with 1 returned
    scores.add(List.of("graph neural networks", "Graph-Neural Network", "node", "quantum"),
        List.of("graph neural network", "node", "edge"));
    scores.add(List.of("zebra"), List.of("lion"));

    // then: 2 matched of 4 expected; 2 of 4 distinct extracted; 5 returned over 2 papers
    assertThat(scores.papers()).isEqualTo(2);
    assertThat(scores.recall()).isEqualTo(0.5);
    assertThat(scores.precision()).isEqualTo(0.5);
    assertThat(scores.f1()).isEqualTo(0.5);
    assertThat(scores.keywordsPerPaper()).isEqualTo(2.5);
  }
}
