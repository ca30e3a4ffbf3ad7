package io.paperstream.processor.trend;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Bounds what a punctuation that works off a backlog (dates or phrases marked in a store) costs
 * the stream thread it shares with record processing.
 *
 * <p>A run stops at {@code maxRun} and leaves the rest marked for the next one, so no
 * punctuation outlasts the exactly-once transaction it runs in (10 s in Kafka Streams), however
 * many marks a backfill left. After a run of t ms, while records keep arriving, the next run
 * waits until t / {@code share} ms after the last one started: punctuation then takes at most
 * {@code share} of the thread, and the marks of a backfill pile up between runs, so each run
 * recomputes more changes at once. Once no record arrives between two runs the backlog is
 * worked off at every interval. A daily page marks few dates: its run takes milliseconds and
 * never waits. A run's length is its thread's CPU time (a thread the machine set aside for a while
 * has not spent that while punctuating); its end, against the transaction, is wall-clock time.
 */
public final class PunctuationBudget {

  /** What a budget allows: one run's time, and the thread's share punctuation may take while records wait. */
  public record Limits(Duration maxRun, double share) {

    public static final Duration DEFAULT_MAX_RUN = Duration.ofSeconds(1);
    public static final double DEFAULT_SHARE = 0.1;

    public Limits {
      if (maxRun.isNegative() || maxRun.isZero()) {
        throw new IllegalArgumentException("a punctuation's longest run must be positive, not " + maxRun);
      }
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("a punctuation's share of the thread must be in (0, 1], not " + share);
      }
    }

    public static Limits defaults() {
      return new Limits(DEFAULT_MAX_RUN, DEFAULT_SHARE);
    }

    /** A budget of these limits on the JVM's clocks; one per processor instance. */
    public PunctuationBudget budget() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      LongSupplier cpu = threads.isCurrentThreadCpuTimeSupported() ? threads::getCurrentThreadCpuTime : System::nanoTime;
      return new PunctuationBudget(this, System::nanoTime, cpu);
    }
  }

  private final long maxRunNanos;
  private final double share;
  private final LongSupplier wallNanos;
  private final LongSupplier cpuNanos;
  private long nextRunMs = Long.MIN_VALUE;
  private boolean recordsSinceLastRun;

  /**
   * @param wallNanos the clock a run's end is set on ({@link System#nanoTime} but in tests)
   * @param cpuNanos the clock a run's length is measured on (the thread's CPU time but in tests)
   */
  public PunctuationBudget(Limits limits, LongSupplier wallNanos, LongSupplier cpuNanos) {
    this.maxRunNanos = limits.maxRun().toNanos();
    this.share = limits.share();
    this.wallNanos = wallNanos;
    this.cpuNanos = cpuNanos;
  }

  /** A record reached the processor: the thread has other work than this punctuation's. */
  public void recordArrived() {
    recordsSinceLastRun = true;
  }

  /**
   * Runs {@code work} now unless the last run asked to wait; {@code work} is handed a test of
   * whether its time is up, to ask between two units of work (it then leaves the rest marked).
   *
   * @param nowMs the punctuation's timestamp (wall clock)
   */
  public void punctuate(long nowMs, Consumer<BooleanSupplier> work) {
    if (recordsSinceLastRun && nowMs < nextRunMs) {
      return;
    }
    recordsSinceLastRun = false;
    long cpuStart = cpuNanos.getAsLong();
    long deadline = wallNanos.getAsLong() + maxRunNanos;
    work.accept(() -> wallNanos.getAsLong() - deadline >= 0);
    long tookMs = Duration.ofNanos(cpuNanos.getAsLong() - cpuStart).toMillis();
    nextRunMs = nowMs + (long) Math.ceil(tookMs / share);
  }
}
