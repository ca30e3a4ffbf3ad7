package io.paperstream.processor.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The benchmark's output: progress on stderr, the result tables (Markdown) on stdout. */
final class Report {

  private Report() {}

  static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "bench: " + format + "%n", args);
  }

  static void line(String format, Object... args) {
    System.out.printf(Locale.ROOT, format + "%n", args);
    System.out.flush();
  }

  static double median(List<Double> values) {
    return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
  }

  /** Nearest-rank percentile. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static String rounds(List<Double> values) {
    return String.join(" / ", values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
  }
}
