package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.processor.enrich.BoostedTreesTrainer.Example;
import io.paperstream.processor.enrich.BoostedTreesTrainer.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {

  private static final Settings SMALL = new Settings(60, 3, 0.3, 1.0, 1.0, 16, 0.8);

  /** {@code n} examples of {@code d} uniform features, labeled (and possibly reshaped) by {@code rule}. */
  private static List<Example> examples(long seed, int n, int d, Predicate<double[]> rule) {
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] x = random.doubles(d).toArray();
      boolean positive = rule.test(x);
      examples.add(new Example(x, positive));
    }
    return examples;
  }

  @Test
  void learnsAnInteractionNoLinearModelCan() {
    // given examples positive exactly when features 0 and 1 differ (exclusive or), feature 2 noise
    List<Example> examples = examples(7, 2_000, 3, x -> {
      x[0] = Math.round(x[0]);
      x[1] = Math.round(x[1]);
      return x[0] != x[1];
    });

    // when
    BoostedTrees trees = BoostedTreesTrainer.train(examples, SMALL);

    // then each of the four cases lands on its side, whatever the noise
    for (double noise : new double[] {0.1, 0.9}) {
      assertThat(trees.probability(new double[] {1, 0, noise})).isGreaterThan(0.9);
      assertThat(trees.probability(new double[] {0, 1, noise})).isGreaterThan(0.9);
      assertThat(trees.probability(new double[] {0, 0, noise})).isLessThan(0.1);
      assertThat(trees.probability(new double[] {1, 1, noise})).isLessThan(0.1);
    }
  }

  @Test
  void theSameExamplesGiveTheSameModel() {
    // given
    List<Example> examples = examples(3, 500, 2, x -> x[0] > 0.6);

    // when / then
    assertThat(BoostedTreesTrainer.train(examples, SMALL).write())
        .isEqualTo(BoostedTreesTrainer.train(examples, SMALL).write());
  }

  @Test
  void itsTextFormReadsBackToTheSameScores() {
    // given a trained model
    BoostedTrees trees = BoostedTreesTrainer.train(examples(5, 500, 2, x -> x[0] + x[1] > 1), SMALL);

    // when
    BoostedTrees read = BoostedTrees.read(trees.write(), 2);

    // then
    assertThat(read.trees()).isEqualTo(SMALL.trees());
    for (double[] x : new double[][] {{0.2, 0.3}, {0.7, 0.6}, {0.5, 0.5}, {0.95, 0.01}}) {
      assertThat(read.logit(x)).isEqualTo(trees.logit(x));
    }
  }

  @Test
  void readsAHandWrittenTree() {
    // given base 0.5 and one tree: x0 <= 2 → -1; else x1 <= 0 → 1, else 3
    BoostedTrees trees = BoostedTrees.read(List.of("0.5", "f0:2 =-1 f1:0 =1 =3"), 2);

    // when / then
    assertThat(trees.logit(new double[] {2, 9})).isEqualTo(-0.5);
    assertThat(trees.logit(new double[] {3, 0})).isEqualTo(1.5);
    assertThat(trees.logit(new double[] {3, 1})).isEqualTo(3.5);
  }

  @Test
  void rejectsABrokenTreeSayingWhy() {
    assertThatThrownBy(() -> BoostedTrees.read(List.of("0", "f0:1 =1"), 1)).hasMessageContaining("ends inside a split");
    assertThatThrownBy(() -> BoostedTrees.read(List.of("0", "f3:1 =1 =2"), 2)).hasMessageContaining("feature 3");
    assertThatThrownBy(() -> BoostedTrees.read(List.of("0", "=1 =2"), 2)).hasMessageContaining("after its last leaf");
  }

  @Test
  void splitPointsLieBetweenDistinctValues() {
    // given few distinct values, then many
    double[] few = BoostedTreesTrainer.cuts(new double[] {3, 1, 1, 2}, 8);
    double[] many = BoostedTreesTrainer.cuts(java.util.stream.IntStream.range(0, 1000).asDoubleStream().toArray(), 4);

    // then
    assertThat(few).containsExactly(1.5, 2.5);
    assertThat(many).containsExactly(250.5, 500.5, 750.5);
    assertThat(BoostedTreesTrainer.bin(few, 1)).isZero();
    assertThat(BoostedTreesTrainer.bin(few, 2)).isEqualTo(1);
    assertThat(BoostedTreesTrainer.bin(few, 3)).isEqualTo(2);
  }
}
