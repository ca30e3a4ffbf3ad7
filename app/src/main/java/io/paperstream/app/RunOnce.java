package io.paperstream.app;

import io.paperstream.console.Counted;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.lifecycle.StopSignal;
import io.paperstream.processor.app.ProgressLines;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code papers run --once} on a started stack: ingests the sources, waits until the processor
 * has caught up, says what the run did in one line and exports the final topics if asked. A stop
 * signal at any point ends it with exit status 0; the caller closes the stack and the broker.
 */
final class RunOnce {

  private static final Logger LOG = LoggerFactory.getLogger(RunOnce.class);
  private static final long POLL_MS = 250;

  private final KafkaCluster cluster;
  private final AppStack stack;
  private final StopSignal stop;
  private final PrintWriter err;

  RunOnce(KafkaCluster cluster, AppStack stack, StopSignal stop, PrintWriter err) {
    this.cluster = cluster;
    this.stack = stack;
    this.stop = stop;
    this.err = err;
  }

  /**
   * Runs {@code ingest} (nothing to ingest: the processor works through what the raw-entry topic
   * already holds) and waits for the processor; 0 when done or stopped, 1 when a source could not
   * be read or the processor stopped first.
   *
   * @param exportDir where to write the final topics, or null
   */
  int run(boolean anySource, Supplier<SourceIngest.Totals> ingest, Path exportDir) throws Exception {
    if (!anySource) {
      err.println("run: --once without SOURCE: processing what " + stack.topics().rawEntries().name()
          + " already holds, then exiting (give files, folders or URLs to ingest them first)");
    }
    // the ingest runs off this thread so that a stop signal is heard while it runs
    CompletableFuture<SourceIngest.Totals> ingested = CompletableFuture.supplyAsync(ingest, runnable -> {
      Thread thread = new Thread(runnable, "paperstream-ingest");
      thread.setDaemon(true);
      thread.start();
    });
    if (stop.awaitStopOr(ingested::isDone)) {
      return stopped("while ingesting");
    }
    SourceIngest.Totals totals;
    try {
      totals = ingested.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    if (!awaitCaughtUp()) {
      if (stop.requested()) {
        return stopped("before the processor caught up");
      }
      // said again here: the first saying may have gone by inside the ingest's progress bar
      err.println("run: the processor stopped (" + stack.streams().state() + ") before it caught up"
          + stack.processor().stopReason().map(why -> ": " + why).orElse(""));
      return 1;
    }
    TopicExport export = new TopicExport(cluster, stack.topics());
    int processingDeadLetters = export.count(stack.topics().processingDeadLetters());
    err.println("run: done: " + Counted.pages(totals.pages()) + ", " + Counted.entries(totals.entries()) + ", "
        + Counted.of(stack.papers(), "paper") + ", " + Counted.deadLetters(totals.deadLetters() + processingDeadLetters)
        + " (" + totals.deadLetters() + " at ingest, " + processingDeadLetters + " at processing), "
        + Counted.of(stack.keywords(), "keyword")
        + (totals.unreadable() > 0 ? ", " + Counted.of(totals.unreadable(), "unreadable source") : "")
        + (totals.skipped() > 0 ? ", " + Counted.pages(totals.skipped()) + " already ingested, skipped" : ""));
    if (exportDir != null) {
      Map<String, Integer> written = export.exportTo(exportDir);
      err.println("run: exported to " + exportDir + ": " + written);
    }
    err.flush();
    return totals.unreadable() == 0 ? 0 : 1;
  }

  private int stopped(String when) {
    err.println("run: stopped " + when + " (Ctrl-C / SIGTERM); the processor commits what it has and leaves the group");
    err.flush();
    return 0;
  }

  /** Polls (on a timer, off this thread) until caught up; false when the processor or the run stopped first. */
  private boolean awaitCaughtUp() throws Exception {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
    // the summary follows: no "caught up" line here, and caughtUp() is polled below only
    try (ProgressLines status = ProgressLines.start("run", stack.streams()::state, stack.lag(), () -> false,
        stack::papersSoFar, err)) {
      poll.scheduleWithFixedDelay(() -> {
        try {
          KafkaStreams.State state = stack.streams().state();
          if (stop.requested() || state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
              || state == KafkaStreams.State.PENDING_SHUTDOWN) {
            done.complete(false);
          } else if (stack.caughtUp()) {
            done.complete(true);
          }
        } catch (Exception e) {
          // a transient admin error: ask again on the next tick
          LOG.debug("cannot tell whether the processor caught up yet", e);
        }
      }, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
      return done.get();
    } finally {
      poll.shutdownNow();
    }
  }
}
