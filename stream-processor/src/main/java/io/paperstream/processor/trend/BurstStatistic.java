package io.paperstream.processor.trend;

import org.apache.commons.math3.special.Beta;

/**
 * How surprising a keyword's papers in a window are against its own history: the exact
 * conditional test of two Poisson rates (the README's "The emerging formula" says why this one).
 *
 * <p>The keyword's papers in the window ({@code count}) and in the history before it
 * ({@code baseline}) are two Poisson counts whose exposures are all keyword mentions in each
 * period. If the keyword's rate did not change, then given their sum {@code n}, {@code count}
 * is Binomial(n, p0) with p0 = window mentions / (window + history mentions); the p-value is
 * P(X ≥ count), the regularized incomplete beta function I_p0(count, n − count + 1). It is
 * exact for the small counts where new topics start, needs no pseudo-count for a keyword never
 * seen before (its p-value is p0^count), and scales with the volume of the period, so a busy
 * week does not make every keyword burst.
 */
public final class BurstStatistic {

  /** One keyword's window against its history. */
  public record Burst(long count, long baseline, double expected, double ratio, double pValue) {}

  private BurstStatistic() {}

  /**
   * @param count the keyword's papers in the window
   * @param baseline its papers in the history before the window
   * @param windowMentions all keyword mentions (papers × keywords) in the window
   * @param historyMentions all keyword mentions in the history
   */
  public static Burst of(long count, long baseline, long windowMentions, long historyMentions) {
    if (historyMentions <= 0 || windowMentions <= 0) {
      // no history (the stream's first days): nothing can stand out against it
      return new Burst(count, baseline, 0, 0, 1);
    }
    double scale = windowMentions / (double) historyMentions;
    double p0 = windowMentions / (double) (windowMentions + historyMentions);
    double pValue = count == 0 ? 1 : Beta.regularizedBeta(p0, count, baseline + 1.0);
    return new Burst(count, baseline, baseline * scale, count / ((baseline + 1.0) * scale), pValue);
  }
}
