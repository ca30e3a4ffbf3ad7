package io.paperstream.processor.enrich.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one extractor over labeled papers, their own keywords hidden from it, and scores it.
 * The extractor sees only the paper's title and abstract (see {@link #run}); timing is taken
 * per paper over {@link #TIMED_PASSES} passes after {@link #WARM_UP_PASSES} passes that warm the
 * JIT up.
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
   * Scores {@code extractor} on {@code papers}.
   *
   * @param extractor title and abstract in (the paper is passed whole, but an extractor must
   *     not read its keywords), keywords out
   */
  public static Result run(String name, List<LabeledPaper> papers, Function<LabeledPaper, List<String>> extractor) {
    KeywordScores scores = new KeywordScores();
    List<LabeledPaper> hidden = papers.stream().map(KeywordEvaluation::withoutKeywords).toList();
    for (int i = 0; i < papers.size(); i++) {
      scores.add(extractor.apply(hidden.get(i)), papers.get(i).keywords());
    }
    for (int pass = 1; pass < WARM_UP_PASSES; pass++) {
      hidden.forEach(extractor::apply);
    }
    long[] nanos = new long[papers.size() * TIMED_PASSES];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    for (int pass = 0; pass < TIMED_PASSES; pass++) {
      for (int i = 0; i < papers.size(); i++) {
        long start = System.nanoTime();
        extractor.apply(hidden.get(i));
        nanos[pass * papers.size() + i] = System.nanoTime() - start;
      }
    }
    double cpuMillis = nanos.length == 0 ? 0 : (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / nanos.length;
    Arrays.sort(nanos);
    return new Result(name, scores, percentile(nanos, 0.5), percentile(nanos, 0.99), cpuMillis);
  }

  private static LabeledPaper withoutKeywords(LabeledPaper paper) {
    return new LabeledPaper(paper.id(), paper.date(), paper.title(), paper.abstractText(), List.of());
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }
}
