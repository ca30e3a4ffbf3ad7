package io.paperstream.processor.trend;

/**
 * When a keyword is emerging (see {@link BurstStatistic}): at least {@code minSupport} papers in
 * the window, a p-value of at most {@code maxPValue} and a burst ratio of at least
 * {@code minRatio}; at most {@code top} keywords a date.
 */
public record EmergingOptions(int minSupport, double maxPValue, double minRatio, int top) {

  /** Days of the window that ends on a date. */
  public static final int WINDOW_DAYS = 7;
  /** Days of the keyword's own history before the window. */
  public static final int HISTORY_DAYS = 56;

  public static EmergingOptions defaults() {
    return new EmergingOptions(3, 0.001, 3.0, 25);
  }
}
