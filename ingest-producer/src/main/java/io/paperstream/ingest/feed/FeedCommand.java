package io.paperstream.ingest.feed;

import io.paperstream.config.Durations;
import io.paperstream.config.ClusterOptions;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papers feed}: a backfill over a date range, or the continuous schedule until stopped. */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = {
        "Follows the Hugging Face Daily Papers feed into Kafka (raw entries, dead letters, and the fetch log "
            + "paper-fetch-log that lets a restart resume where it stopped).",
        "With --from/--to: a backfill over the date range (progress and ETA on stderr); days already "
            + "fetched are not fetched again. When the site cannot be reached at all (offline, down) for "
            + "feed.unreachable-limit days in a row, the backfill stops and says so; run it again to resume.",
        "Without: polls today, the last feed.look-back-days days and the feed.searches every "
            + "feed.interval until Ctrl-C / SIGTERM.",
        "Exit status: 0 when done (or stopped cleanly), 1 when a day could not be fetched or a record "
            + "could not be produced, 2 for a usage error."})
public final class FeedCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(FeedCommand.class);

  @Option(names = "--from", paramLabel = "DATE", description = "First day of a backfill (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day of a backfill (YYYY-MM-DD); default: today.")
  LocalDate to;

  @Option(names = "--every", paramLabel = "DURATION",
      description = "Interval of the continuous schedule, e.g. 30m, 1h, PT1H (setting feed.interval; default 1h).")
  String every;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The site (setting feed.base-url; default https://huggingface.co).")
  String baseUrl;

  @Mixin ClusterOptions clusterOptions;

  @Spec CommandSpec spec;

  public FeedCommand() {
    // picocli fills the fields
  }

  @Override
  public Integer call() {
    if (to != null && from == null) {
      throw new ParameterException(spec.commandLine(), "--to needs --from");
    }
    if (from != null && every != null) {
      throw new ParameterException(spec.commandLine(), "--every is for the continuous schedule, not a backfill");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
    }
    Settings settings = clusterOptions.settings().with(FeedSettings.BASE_URL_KEY, baseUrl);
    if (every != null) {
      try {
        Durations.parse(every); // a bad value is the user's error, reported before anything starts
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--every: " + e.getMessage());
      }
      settings = settings.with(FeedSettings.INTERVAL_KEY, every);
    }
    try {
      FeedSettings.from(settings); // likewise for the configuration (--every 0s: "must be positive")
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), (every != null && e.getMessage().contains(FeedSettings.INTERVAL_KEY)
          ? "--every " + every + ": " : "") + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    AtomicReference<DailyFeed> running = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      // Ctrl-C / SIGTERM: stop after the page in flight, and wait while the run closes what it opened
      DailyFeed feed = running.get();
      if (feed != null) {
        feed.stop();
      }
      awaitQuietly(finished);
    }, "paperstream-feed-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (KafkaCluster cluster = KafkaCluster.connect(settings);
        DailyFeed feed = DailyFeed.connect(settings, cluster)) {
      running.set(feed);
      return from != null ? backfill(feed, err) : follow(feed);
    } finally {
      finished.countDown();
      removeQuietly(hook);
    }
  }

  private int backfill(DailyFeed feed, PrintWriter err) {
    LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
    if (from.isAfter(last)) {
      throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + last);
    }
    ProgressBar progress = new ProgressBar(err, System.console() != null, Clock.systemUTC());
    FeedSummary summary = feed.backfill(from, last, progress);
    err.println("feed: " + from + " .. " + last + ": " + summary);
    err.flush();
    if (summary.unreachable() != null) {
      err.println("feed: stopped: " + summary.unreachable() + "; " + summary.notRead() + " days not read;"
          + " run the same backfill again to resume (offline? papers ingest FILE-OR-FOLDER... reads pages from files)");
    } else if (summary.notRead() > 0) {
      err.println("feed: " + summary.notRead() + " days could not be read (see the warnings and the dead letters);"
          + " run the same backfill again to retry them");
    }
    return summary.notRead() == 0 ? 0 : 1;
  }

  private int follow(DailyFeed feed) {
    feed.runContinuously();
    LOG.info("feed: {}", feed.metrics());
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running and waits for us
    }
  }
}
