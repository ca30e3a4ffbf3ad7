package io.paperstream.processor.enrich;

import java.util.List;

/**
 * A small logistic-regression trainer: Newton's method (iteratively reweighted least squares)
 * with an L2 penalty on every weight but the bias. With a few dozen features and a few hundred
 * thousand examples it converges in about ten steps, each one pass over the data; the result is
 * deterministic. Stateless.
 */
public final class LogisticRegression {

  private static final int MAX_STEPS = 30;
  private static final double TOLERANCE = 1e-7;

  private LogisticRegression() {}

  /** A labeled example. */
  public record Example(double[] features, boolean positive) {}

  /** The weights that best separate {@code examples}; the first feature is the bias. */
  public static double[] train(List<Example> examples, double l2) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to learn from");
    }
    int d = examples.get(0).features().length;
    double[] w = new double[d];
    for (int step = 0; step < MAX_STEPS; step++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (Example e : examples) {
        double[] x = e.features();
        double p = KeyphraseRanker.probability(w, x);
        double error = (e.positive() ? 1 : 0) - p;
        double curvature = Math.max(p * (1 - p), 1e-9);
        for (int i = 0; i < d; i++) {
          if (x[i] == 0) {
            continue;
          }
          gradient[i] += error * x[i];
          for (int j = 0; j <= i; j++) {
            hessian[i][j] += curvature * x[i] * x[j];
          }
        }
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < i; j++) {
          hessian[j][i] = hessian[i][j];
        }
        if (i > 0) {
          gradient[i] -= l2 * w[i];
          hessian[i][i] += l2;
        } else {
          hessian[i][i] += 1e-9;
        }
      }
      double[] delta = solve(hessian, gradient);
      double change = 0;
      for (int i = 0; i < d; i++) {
        w[i] += delta[i];
        change = Math.max(change, Math.abs(delta[i]));
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    return w;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting; a is overwritten. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[] x = b.clone();
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] row = a[col];
      a[col] = a[pivot];
      a[pivot] = row;
      double t = x[col];
      x[col] = x[pivot];
      x[pivot] = t;
      if (Math.abs(a[col][col]) < 1e-12) {
        continue; // a feature that never occurs: its weight stays where it is
      }
      for (int r = col + 1; r < n; r++) {
        double factor = a[r][col] / a[col][col];
        if (factor != 0) {
          for (int c = col; c < n; c++) {
            a[r][c] -= factor * a[col][c];
          }
          x[r] -= factor * x[col];
        }
      }
    }
    for (int r = n - 1; r >= 0; r--) {
      if (Math.abs(a[r][r]) < 1e-12) {
        x[r] = 0;
        continue;
      }
      double sum = x[r];
      for (int c = r + 1; c < n; c++) {
        sum -= a[r][c] * x[c];
      }
      x[r] = sum / a[r][r];
    }
    return x;
  }
}
