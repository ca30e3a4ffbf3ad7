package io.paperstream.processor.enrich;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains {@link BoostedTrees} for binary classification: gradient boosting on the logistic loss
 * with Newton steps (each tree fits the loss's gradient and curvature; leaf value
 * {@code -G / (H + l2)}, shrunk by the learning rate), trees grown depth-first to a maximum
 * depth over histograms of pre-binned features, each tree on a random half of the examples
 * (seeded: the same examples give the same model).
 *
 * <p>Written here because no well-kept pure-Java library fits: Tribuo's and XGBoost's boosting
 * run native code, Smile is GPL. Stateless.
 */
public final class BoostedTreesTrainer {

  /** A labeled example: its feature vector and whether it is positive. */
  public record Example(double[] features, boolean positive) {}

  /**
   * How to train.
   *
   * @param trees number of trees
   * @param maxDepth splits from root to leaf at most
   * @param learningRate shrinkage of every leaf value
   * @param l2 penalty on leaf values (added to the curvature)
   * @param minLeafWeight curvature (sum of p(1-p)) a leaf needs at least
   * @param bins candidate split values per feature at most
   * @param subsample fraction of the examples each tree sees
   */
  public record Settings(int trees, int maxDepth, double learningRate, double l2, double minLeafWeight, int bins,
      double subsample) {
    public static final Settings DEFAULT = new Settings(120, 4, 0.2, 1.0, 2.0, 48, 0.5);
  }

  private BoostedTreesTrainer() {}

  public static BoostedTrees train(List<Example> examples, Settings settings) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to learn from");
    }
    int n = examples.size();
    int d = examples.get(0).features().length;
    double[][] cuts = new double[d][];
    short[][] bins = new short[d][n];
    for (int f = 0; f < d; f++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = examples.get(i).features()[f];
      }
      cuts[f] = cuts(column, settings.bins());
      for (int i = 0; i < n; i++) {
        bins[f][i] = (short) bin(cuts[f], column[i]);
      }
    }
    boolean[] positive = new boolean[n];
    long positives = 0;
    for (int i = 0; i < n; i++) {
      positive[i] = examples.get(i).positive();
      positives += positive[i] ? 1 : 0;
    }
    double base = Math.log((positives + 1.0) / (n - positives + 1.0));
    double[] logit = new double[n];
    Arrays.fill(logit, base);
    double[] gradient = new double[n];
    double[] curvature = new double[n];
    Random random = new Random(42);
    BoostedTrees.Builder model = new BoostedTrees.Builder(base);
    int[] rows = new int[n];
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    for (int t = 0; t < settings.trees(); t++) {
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-logit[i]));
        gradient[i] = p - (positive[i] ? 1 : 0);
        curvature[i] = Math.max(p * (1 - p), 1e-6);
      }
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < settings.subsample()) {
          rows[m++] = i;
        }
      }
      model.startTree();
      new Grower(settings, cuts, bins, gradient, curvature, model, logit).grow(Arrays.copyOf(rows, m), all, 0);
    }
    return model.build();
  }

  /** Split points between distinct values: all of them when few, else at evenly spaced quantiles. */
  static double[] cuts(double[] column, int maxBins) {
    double[] sorted = column.clone();
    Arrays.sort(sorted);
    double[] distinct = Arrays.stream(sorted).distinct().toArray();
    if (distinct.length <= 1) {
      return new double[0];
    }
    double[] cuts;
    if (distinct.length <= maxBins) {
      cuts = new double[distinct.length - 1];
      for (int k = 0; k + 1 < distinct.length; k++) {
        cuts[k] = (distinct[k] + distinct[k + 1]) / 2;
      }
      return cuts;
    }
    return IntStream.range(1, maxBins)
        .mapToDouble(k -> {
          double v = sorted[(int) ((long) k * sorted.length / maxBins)];
          int at = Arrays.binarySearch(distinct, v);
          return at + 1 < distinct.length ? (distinct[at] + distinct[at + 1]) / 2 : Double.NaN;
        })
        .filter(c -> !Double.isNaN(c)).distinct().sorted().toArray();
  }

  /** The bin of a value: the number of cuts below it, so bin b means cuts[b-1] < x <= cuts[b]. */
  static int bin(double[] cuts, double x) {
    int at = Arrays.binarySearch(cuts, x);
    return at >= 0 ? at : -at - 1;
  }

  /**
   * Grows one tree over binned features, appending its nodes in pre-order: its splits and leaf
   * values come from the sampled rows; every row's log-odds take its leaf's value.
   */
  private static final class Grower {
    private final Settings settings;
    private final double[][] cuts;
    private final short[][] bins;
    private final double[] gradient;
    private final double[] curvature;
    private final BoostedTrees.Builder model;
    private final double[] logit;

    Grower(Settings settings, double[][] cuts, short[][] bins, double[] gradient, double[] curvature,
        BoostedTrees.Builder model, double[] logit) {
      this.logit = logit;
      this.settings = settings;
      this.cuts = cuts;
      this.bins = bins;
      this.gradient = gradient;
      this.curvature = curvature;
      this.model = model;
    }

    void grow(int[] rows, int[] all, int depth) {
      double g = 0;
      double h = 0;
      for (int i : rows) {
        g += gradient[i];
        h += curvature[i];
      }
      double parentScore = g * g / (h + settings.l2());
      int bestFeature = -1;
      int bestBin = -1;
      double bestGain = 1e-9;
      if (depth < settings.maxDepth() && h >= 2 * settings.minLeafWeight()) {
        for (int f = 0; f < cuts.length; f++) {
          int k = cuts[f].length + 1;
          if (k < 2) {
            continue;
          }
          double[] hg = new double[k];
          double[] hh = new double[k];
          short[] column = bins[f];
          for (int i : rows) {
            hg[column[i]] += gradient[i];
            hh[column[i]] += curvature[i];
          }
          double gl = 0;
          double hl = 0;
          for (int b = 0; b + 1 < k; b++) {
            gl += hg[b];
            hl += hh[b];
            double hr = h - hl;
            if (hl < settings.minLeafWeight() || hr < settings.minLeafWeight()) {
              continue;
            }
            double gr = g - gl;
            double gain = gl * gl / (hl + settings.l2()) + gr * gr / (hr + settings.l2()) - parentScore;
            if (gain > bestGain) {
              bestGain = gain;
              bestFeature = f;
              bestBin = b;
            }
          }
        }
      }
      if (bestFeature < 0) {
        double value = -g / (h + settings.l2()) * settings.learningRate();
        model.leaf(value);
        for (int i : all) {
          logit[i] += value;
        }
        return;
      }
      int[][] rowsSplit = partition(rows, bins[bestFeature], bestBin);
      int[][] allSplit = partition(all, bins[bestFeature], bestBin);
      int node = model.split(bestFeature, cuts[bestFeature][bestBin]);
      grow(rowsSplit[0], allSplit[0], depth + 1);
      model.setRight(node);
      grow(rowsSplit[1], allSplit[1], depth + 1);
    }

    /** The rows at or below {@code bin} of a column, and those above. */
    private static int[][] partition(int[] rows, short[] column, int bin) {
      int left = 0;
      for (int i : rows) {
        left += column[i] <= bin ? 1 : 0;
      }
      int[][] split = {new int[left], new int[rows.length - left]};
      int l = 0;
      int r = 0;
      for (int i : rows) {
        if (column[i] <= bin) {
          split[0][l++] = i;
        } else {
          split[1][r++] = i;
        }
      }
      return split;
    }
  }
}
