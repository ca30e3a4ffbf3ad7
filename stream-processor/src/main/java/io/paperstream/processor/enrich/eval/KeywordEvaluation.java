package io.paperstream.processor.enrich.eval;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one extractor over labeled papers, their own keywords hidden from it, and scores it.
 * The extractor sees only the paper's title and abstract (see {@link #run}); timing is taken
 * per paper on a second pass, after the first has warmed the JIT up.
 */
public final class KeywordEvaluation {

  private KeywordEvaluation() {}

  /** What an evaluation found. */
  public record Result(String name, KeywordScores scores, double medianMillis, double p99Millis) {}

  /**
   * Scores {@code extractor} on {@code papers}.
   *
   * @param extractor title and abstract in (the paper is passed whole, but an extractor must
   *     not read its keywords), keywords out
   */
  public static Result run(String name, List<LabeledPaper> papers, Function<LabeledPaper, List<String>> extractor) {
    KeywordScores scores = new KeywordScores();
    for (LabeledPaper paper : papers) {
      scores.add(extractor.apply(withoutKeywords(paper)), paper.keywords());
    }
    long[] nanos = new long[papers.size()];
    for (int i = 0; i < papers.size(); i++) {
      LabeledPaper hidden = withoutKeywords(papers.get(i));
      long start = System.nanoTime();
      extractor.apply(hidden);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new Result(name, scores, percentile(nanos, 0.5), percentile(nanos, 0.99));
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
