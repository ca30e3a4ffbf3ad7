package io.paperstream.processor.app;

import io.paperstream.console.Counted;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status lines of a running processor, for people: every couple of seconds, when something
 * changed, its state and backlog split into entries waiting (raw input not read yet) and internal
 * work (sightings and repartition topics behind them); and one "caught up" line each time
 * nothing is left to do.
 */
public final class ProgressLines implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressLines.class);
  private static final long EVERY_MS = 2_000;

  private final String prefix;
  private final Supplier<KafkaStreams.State> state;
  private final LagMonitor lag;
  private final Callable<Boolean> caughtUp;
  private final Function<Boolean, String> papers;
  private final PrintWriter err;
  private final ScheduledExecutorService timer;
  private String last = "";

  /**
   * @param caughtUp polled each tick: whether nothing is left to process
   * @param papers what to say about the papers (argument: caught up, so an exact count is due), or null
   */
  private ProgressLines(String prefix, Supplier<KafkaStreams.State> state, LagMonitor lag, Callable<Boolean> caughtUp,
      Function<Boolean, String> papers, PrintWriter err) {
    this.prefix = prefix;
    this.state = state;
    this.lag = lag;
    this.caughtUp = caughtUp;
    this.papers = papers;
    this.err = err;
    this.timer = daemonTimer("paperstream-status");
  }

  /** A timer on one daemon thread, so that a status printer never holds the JVM open. */
  public static ScheduledExecutorService daemonTimer(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts printing to {@code err} under {@code prefix} ("run", "process") until closed. */
  public static ProgressLines start(String prefix, Supplier<KafkaStreams.State> state, LagMonitor lag,
      Callable<Boolean> caughtUp, Function<Boolean, String> papers, PrintWriter err) {
    ProgressLines lines = new ProgressLines(prefix, state, lag, caughtUp, papers, err);
    lines.timer.scheduleWithFixedDelay(lines::tick, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    return lines;
  }

  /**
   * Caught up as far as the cluster tells: running, no lag on any input, and the outputs' end
   * offsets committed (no open transaction) and unchanged since the previous poll (a record just
   * produced may still sit in a producer's buffer).
   */
  public static Callable<Boolean> outputsSettled(Supplier<KafkaStreams.State> state, LagMonitor lag) {
    AtomicReference<Optional<Map<TopicPartition, Long>>> previous = new AtomicReference<>(Optional.empty());
    return () -> {
      Optional<Map<TopicPartition, Long>> ends = Optional.empty();
      if (state.get() == KafkaStreams.State.RUNNING && lag.backlog().none()) {
        ends = lag.committedOutputEnds();
      }
      Optional<Map<TopicPartition, Long>> before = previous.getAndSet(ends);
      return ends.isPresent() && ends.equals(before);
    };
  }

  /** One line, when it differs from the last one printed. */
  void tick() {
    KafkaStreams.State now = state.get();
    if (now == KafkaStreams.State.PENDING_SHUTDOWN || now == KafkaStreams.State.NOT_RUNNING) {
      return; // stopping: the command says so itself
    }
    try {
      LagMonitor.Backlog backlog = lag.backlog();
      boolean done = backlog.none() && caughtUp.call();
      String count = papers == null ? null : papers.apply(done);
      String line = done
          ? prefix + ": caught up" + (count == null ? "" : ": " + count) + "; waiting for new entries (Ctrl-C stops)"
          : prefix + ": " + state.get() + ", " + Counted.entries(backlog.waiting()) + " waiting, "
              + format(backlog.internal()) + " internal" + (count == null ? "" : "; " + count);
      if (!line.equals(last)) {
        last = line;
        err.println(line);
        err.flush();
      }
    } catch (Exception e) {
      // the cluster is busy or the processor is starting: say it next time
      LOG.debug("status not available", e);
    }
  }

  private static String format(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
