package io.paperstream.processor.trend;

/**
 * The trend formula, in one place (the README explains it with an example).
 *
 * <p>For a keyword on date D: {@code count} is its papers on D, {@code count7d} its papers over
 * the 7 days D-6..D, and {@code baseline28d} its papers over the 28 days before those
 * (D-34..D-7). Growth compares the last week with an average earlier week, both smoothed by one
 * paper so that a keyword new this week scores high but finite:
 *
 * <pre>growth = (count7d + 1) / (baseline28d / 4 + 1)</pre>
 *
 * A keyword as frequent as usual scores about 1; twice as frequent, about 2.
 */
public final class TrendScore {

  public static final int WINDOW_DAYS = 7;
  public static final int BASELINE_DAYS = 28;

  private TrendScore() {}

  public static double growth(long count7d, long baseline28d) {
    double averageEarlierWeek = baseline28d / (double) (BASELINE_DAYS / WINDOW_DAYS);
    return (count7d + 1.0) / (averageEarlierWeek + 1.0);
  }
}
