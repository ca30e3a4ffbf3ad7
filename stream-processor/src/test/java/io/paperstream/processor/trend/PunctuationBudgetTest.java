package io.paperstream.processor.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PunctuationBudgetTest {

  private static final long MS = 1_000_000L;

  private long wallNanos;
  private long cpuNanos;
  private final PunctuationBudget budget =
      new PunctuationBudget(new PunctuationBudget.Limits(Duration.ofMillis(100), 0.25), () -> wallNanos, () -> cpuNanos);
  private final List<Long> runs = new ArrayList<>();

  @Test
  void whileRecordsArriveARunOfTMillisecondsWaitsUntilTOverTheShareHasPassed() {
    // given a run at 1,000 ms that took 400 ms of the thread
    budget.recordArrived();
    punctuateTaking(1_000, 400);

    // when records keep arriving and punctuations come every second
    for (long now = 2_000; now <= 3_000; now += 1_000) {
      budget.recordArrived();
      punctuateTaking(now, 0);
    }

    // then the next run is the first at or after 1,000 + 400 / 0.25 = 2,600 ms
    assertThat(runs).containsExactly(1_000L, 3_000L);
  }

  @Test
  void withoutRecordsSinceTheLastRunThePunctuationRunsAtEveryInterval() {
    // given a long run while records were arriving
    budget.recordArrived();
    punctuateTaking(1_000, 400);

    // when no record arrives afterwards (the backlog is all that is left to do)
    punctuateTaking(2_000, 0);
    punctuateTaking(3_000, 0);

    // then every punctuation runs
    assertThat(runs).containsExactly(1_000L, 2_000L, 3_000L);
  }

  @Test
  void aRunIsToldItsTimeIsUpOnceItsLongestRunHasPassedOnTheWallClock() {
    List<Boolean> answers = new ArrayList<>();

    // when a run asks before and after 100 ms of wall-clock time
    budget.punctuate(0, outOfTime -> {
      answers.add(outOfTime.getAsBoolean());
      wallNanos += 99 * MS;
      answers.add(outOfTime.getAsBoolean());
      wallNanos += MS;
      answers.add(outOfTime.getAsBoolean());
    });

    // then only the last answer is yes
    assertThat(answers).containsExactly(false, false, true);
  }

  @Test
  void limitsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> new PunctuationBudget.Limits(Duration.ZERO, 0.25))
        .hasMessageContaining("longest run must be positive");
    assertThatThrownBy(() -> new PunctuationBudget.Limits(Duration.ofSeconds(1), 0))
        .hasMessageContaining("share of the thread must be in (0, 1]");
    assertThatThrownBy(() -> new PunctuationBudget.Limits(Duration.ofSeconds(1), 1.5))
        .hasMessageContaining("share of the thread must be in (0, 1]");
  }

  private void punctuateTaking(long nowMs, long cpuMs) {
    budget.punctuate(nowMs, outOfTime -> {
      runs.add(nowMs);
      cpuNanos += cpuMs * MS;
    });
  }
}
