package io.paperstream.processor.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BurstStatisticTest {

  @Test
  void theTailIsTheBinomialSumOverTheWindowShareOfMentions() {
    // given 6 papers in the window and 10 in a history with four times the mentions
    long count = 6;
    long baseline = 10;

    // when tested
    BurstStatistic.Burst burst = BurstStatistic.of(count, baseline, 100, 400);

    // then the p-value is P(X >= 6) for X ~ Binomial(16, 0.2), summed term by term here
    assertThat(burst.pValue()).isCloseTo(binomialTail(16, 0.2, 6), within(1e-12));
    // and it expects 10 / 4 = 2.5 papers, and the ratio is 6 / (11 / 4)
    assertThat(burst.expected()).isCloseTo(2.5, within(1e-12));
    assertThat(burst.ratio()).isCloseTo(6 / 2.75, within(1e-12));
  }

  @Test
  void aKeywordNeverSeenBeforeHasTheWindowShareToThePowerOfItsCount() {
    // given a keyword with 4 papers in the window and none in a history 8 times as large
    BurstStatistic.Burst burst = BurstStatistic.of(4, 0, 100, 800);

    // then its p-value is (1/9)^4: every one of its papers fell in the window by chance
    assertThat(burst.pValue()).isCloseTo(Math.pow(1 / 9.0, 4), within(1e-15));
  }

  @Test
  void aKeywordAtItsUsualShareIsNotSurprisingWhateverTheVolume() {
    // given a keyword at 2 % of the mentions both in its history and in a window twice as busy
    BurstStatistic.Burst usual = BurstStatistic.of(4, 16, 200, 800);

    // then it is far from significant, and its ratio is about one
    assertThat(usual.pValue()).isGreaterThan(0.3);
    assertThat(usual.ratio()).isBetween(0.9, 1.0);
  }

  @Test
  void aBurstAboveItsOwnHistoryIsSignificant() {
    // given a keyword that had 8 papers over 8 weeks, then 12 in one week of the same volume
    BurstStatistic.Burst burst = BurstStatistic.of(12, 8, 100, 800);

    // then the test finds it very unlikely at the old rate, and the ratio is high
    assertThat(burst.pValue()).isLessThan(1e-6);
    assertThat(burst.ratio()).isGreaterThan(10);
  }

  @Test
  void withoutHistoryNothingStandsOut() {
    assertThat(BurstStatistic.of(50, 0, 100, 0).pValue()).isEqualTo(1.0);
  }

  private static double binomialTail(int n, double p, int atLeast) {
    double sum = 0;
    for (int i = atLeast; i <= n; i++) {
      sum += choose(n, i) * Math.pow(p, i) * Math.pow(1 - p, n - i);
    }
    return sum;
  }

  private static double choose(int n, int k) {
    double result = 1;
    for (int i = 1; i <= k; i++) {
      result = result * (n - k + i) / i;
    }
    return result;
  }
}
