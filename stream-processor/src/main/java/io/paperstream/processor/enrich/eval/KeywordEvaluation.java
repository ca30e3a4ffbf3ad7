package io.paperstream.processor.enrich.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs extractors over labeled papers, their own keywords hidden from them, and scores each.
 * An extractor sees only the paper's title and abstract (see {@link #run}). Timing is taken per
 * paper over {@link #TIMED_PASSES} passes after {@link #WARM_UP_PASSES} passes that warm the JIT
 * up; with several extractors, every one is warmed before any is timed and the timed passes take
 * them in turn, so that no row pays for the JIT recompiling what the next one's vocabulary makes
 * polymorphic (timed one after the other, whichever row came second or third could run 2–3x
 * slower than the same code warm).
 */
public final class KeywordEvaluation {

  /**
   * Passes over the papers before timing (the scoring pass is the first): a few hundred papers
   * once are not enough for the JIT to compile the extractor's hot paths, and the processor
   * runs warm.
   */
  static final int WARM_UP_PASSES = 3;
  /** Passes timed; the median and p99 are over every call of these. */
  static final int TIMED_PASSES = 3;

  private KeywordEvaluation() {}

  /**
   * What an evaluation found.
   *
   * @param cpuMillis the thread's CPU time per paper over the timed passes (mean): steadier than
   *     the wall clock on a machine shared with other work, which moves the median and p99
   */
  public record Result(String name, KeywordScores scores, double medianMillis, double p99Millis, double cpuMillis) {}

  /**
   * One extractor to evaluate.
   *
   * @param extractor title and abstract in (the paper is passed whole, but an extractor must
   *     not read its keywords), keywords out
   */
  public record Row(String name, Function<LabeledPaper, List<String>> extractor) {}

  /** Scores {@code extractor} on {@code papers}. */
  public static Result run(String name, List<LabeledPaper> papers, Function<LabeledPaper, List<String>> extractor) {
    return run(List.of(new Row(name, extractor)), papers).get(0);
  }

  /** Scores every row on {@code papers}; the results in the rows' order. */
  public static List<Result> run(List<Row> rows, List<LabeledPaper> papers) {
    List<LabeledPaper> hidden = papers.stream().map(KeywordEvaluation::withoutKeywords).toList();
    List<KeywordScores> scores = new ArrayList<>();
    for (Row row : rows) {
      KeywordScores rowScores = new KeywordScores();
      for (int i = 0; i < papers.size(); i++) {
        rowScores.add(row.extractor().apply(hidden.get(i)), papers.get(i).keywords());
      }
      scores.add(rowScores);
    }
    for (int pass = 1; pass < WARM_UP_PASSES; pass++) {
      rows.forEach(row -> hidden.forEach(row.extractor()::apply));
    }
    long[][] nanos = new long[rows.size()][papers.size() * TIMED_PASSES];
    long[] cpuNanos = new long[rows.size()];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int pass = 0; pass < TIMED_PASSES; pass++) {
      for (int r = 0; r < rows.size(); r++) {
        Function<LabeledPaper, List<String>> extractor = rows.get(r).extractor();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < papers.size(); i++) {
          long start = System.nanoTime();
          extractor.apply(hidden.get(i));
          nanos[r][pass * papers.size() + i] = System.nanoTime() - start;
        }
        cpuNanos[r] += threads.getCurrentThreadCpuTime() - cpuStart;
      }
    }
    List<Result> results = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      long[] sorted = nanos[r];
      double cpuMillis = sorted.length == 0 ? 0 : cpuNanos[r] / 1e6 / sorted.length;
      Arrays.sort(sorted);
      results.add(new Result(rows.get(r).name(), scores.get(r), percentile(sorted, 0.5), percentile(sorted, 0.99),
          cpuMillis));
    }
    return results;
  }

  private static LabeledPaper withoutKeywords(LabeledPaper paper) {
    return new LabeledPaper(paper.id(), paper.date(), paper.title(), paper.abstractText(), paper.summary(), List.of());
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }
}
