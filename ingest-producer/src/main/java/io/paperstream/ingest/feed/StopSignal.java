package io.paperstream.ingest.feed;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The product's {@link Pause}: really waits, but returns as soon as {@link #stop()} is called, so
 * that Ctrl-C never waits for an hour-long interval or a minute-long back-off to end.
 */
public final class StopSignal implements Pause {

  private final CountDownLatch stopped = new CountDownLatch(1);

  public void stop() {
    stopped.countDown();
  }

  public boolean stopped() {
    return stopped.getCount() == 0;
  }

  @Override
  public boolean sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return !stopped();
    }
    try {
      return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
