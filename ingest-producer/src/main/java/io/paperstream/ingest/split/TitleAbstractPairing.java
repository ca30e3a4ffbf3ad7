package io.paperstream.ingest.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a run of consecutive title/abstract lines (no metadata between them) into entries of a
 * title and an optional abstract. A run is usually title, abstract, title, abstract, …; when a page
 * drops an abstract, the shapes of the lines decide which title stands alone. Solved as a cheapest
 * segmentation, so one odd line cannot shift every later pairing.
 */
final class TitleAbstractPairing {

  /** One entry of a run: indexes into the run, {@code abstractIndex} -1 when there is none. */
  record Pair(int titleIndex, int abstractIndex) {
    boolean hasAbstract() {
      return abstractIndex >= 0;
    }
  }

  private static final double MISSING_ABSTRACT = 1.5;

  private TitleAbstractPairing() {}

  static List<Pair> pair(List<String> run) {
    int n = run.size();
    double[] titleCost = new double[n];
    double[] abstractCost = new double[n];
    for (int i = 0; i < n; i++) {
      String line = run.get(i);
      boolean prose = TextLines.looksLikeProse(line);
      boolean title = !prose && TextLines.looksLikeTitle(line);
      titleCost[i] = prose ? 3 : title ? 0 : 1;
      abstractCost[i] = prose ? 0 : title ? 3.5 : 1;
    }
    // best[i]: cheapest way to cut run[i..]; pairs[i]: whether that way starts with a title+abstract
    double[] best = new double[n + 1];
    boolean[] pairs = new boolean[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      double alone = titleCost[i] + MISSING_ABSTRACT + best[i + 1];
      double paired = i + 1 < n ? titleCost[i] + abstractCost[i + 1] + best[i + 2] : Double.MAX_VALUE;
      pairs[i] = paired <= alone;
      best[i] = Math.min(alone, paired);
    }
    List<Pair> result = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (pairs[i]) {
        result.add(new Pair(i, i + 1));
        i += 2;
      } else {
        result.add(new Pair(i, -1));
        i += 1;
      }
    }
    return result;
  }
}
