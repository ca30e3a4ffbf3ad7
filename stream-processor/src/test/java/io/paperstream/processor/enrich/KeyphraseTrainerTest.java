package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.enrich.LogisticRegression.Example;
import io.paperstream.processor.enrich.eval.LabeledPaper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyphraseTrainerTest {

  @Test
  void logisticRegressionRecoversAPlantedRule() {
    // given examples positive exactly when feature 1 is set (feature 2 is noise)
    Random random = new Random(7);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      boolean planted = random.nextBoolean();
      examples.add(new Example(new double[] {1, planted ? 1 : 0, random.nextDouble()}, planted));
    }

    // when
    double[] w = LogisticRegression.train(examples, 0.1);

    // then the planted feature dominates and separates the classes
    assertThat(w[1]).isGreaterThan(5);
    assertThat(Math.abs(w[2])).isLessThan(1);
    assertThat(KeyphraseRanker.probability(w, new double[] {1, 1, 0.5})).isGreaterThan(0.95);
    assertThat(KeyphraseRanker.probability(w, new double[] {1, 0, 0.5})).isLessThan(0.05);
  }

  @Test
  void linearSolverSolvesASmallSystem() {
    // given 2x + y = 5, x + 3y = 10
    double[] x = LogisticRegression.solve(new double[][] {{2, 1}, {1, 3}}, new double[] {5, 10});

    // then x = 1, y = 3
    assertThat(x[0]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(x[1]).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theTrainerLearnsThatTitlePhrasesAreTheKeywords() {
    // given a tiny invented labeled set whose keyword is always the title's phrase, never the abstract's
    String[] things = {"brine ledger", "kelp bed", "tide gauge", "reef map", "storm surge", "coral sensor",
        "harbour wall", "sand bar", "salt marsh", "wave buoy"};
    List<LabeledPaper> papers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String keyword = things[i % things.length];
      String other = things[(i + 3) % things.length];
      String third = things[(i + 6) % things.length];
      papers.add(new LabeledPaper("p" + i, LocalDate.of(2025, 1, 1).plusDays(i), capitalized(keyword),
          "Notes on " + other + " and " + third + ", with a " + other + " survey.", List.of(keyword)));
    }

    // when
    KeyphraseTrainer trainer = new KeyphraseTrainer(PosLexicon.shipped(), LocalDate.of(2025, 1, 31));
    RankerModel model = trainer.train(papers, "test");

    // then the model puts the title phrase first for a new paper, and weighs the title feature up
    KeywordExtractor extractor = new KeywordExtractor(15, model, PosLexicon.shipped());
    List<String> keywords = extractor.extract("Dune Grass", "Notes on kelp bed and reef map, with a kelp bed survey.",
        KeyphraseVocabulary.EMPTY);
    assertThat(keywords.get(0)).isEqualTo("dune grass");
    assertThat(model.withoutVocabulary()[CandidateFeatures.NAMES.indexOf("in-title")]).isPositive();
    assertThat(trainer.validationWithout().scores().recall()).isGreaterThanOrEqualTo(0.8);
  }

  private static String capitalized(String phrase) {
    StringBuilder out = new StringBuilder();
    for (String word : phrase.split(" ")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1)).append(' ');
    }
    return out.toString().strip();
  }
}
