package io.paperstream.ingest.feed;

import io.paperstream.config.Durations;
import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.console.Counted;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitLimits;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.schemas.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the Daily Papers feed: a backfill over a date range, or the continuous schedule that
 * polls today, the last {@code feed.look-back-days} days and the configured searches every
 * {@code feed.interval}. What was fetched is remembered in the fetch log topic, so a restart
 * resumes where it stopped and unchanged pages produce nothing.
 *
 * <p>One run at a time: {@link #backfill}, {@link #pollOnce} and {@link #runContinuously} take
 * turns; {@link #close()} (from any thread, e.g. a shutdown hook) stops the current run between
 * pages, waits for it, and then flushes and closes the producer.
 */
public final class DailyFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DailyFeed.class);

  private final FeedSettings settings;
  private final Clock clock;
  private final StopSignal stop;
  private final FeedMetrics metrics = new FeedMetrics();
  private final FetchLog log;
  private final FeedPages pages;
  private final RawEntryProducer producer;
  private final PagePoller poller;
  private final ReentrantLock running = new ReentrantLock();
  private volatile boolean closed;
  /** When the current cycle of the continuous schedule started; null outside one (a backfill). */
  private volatile Instant cycleStartedAt;

  private DailyFeed(Builder builder, FetchLog log, RawEntryProducer producer, StopSignal stop) {
    this.settings = builder.feed;
    this.clock = builder.clock;
    this.stop = stop;
    this.log = log;
    this.pages = new FeedPages(settings, log);
    this.producer = producer;
    Pause fetchPause = builder.pause != null ? builder.pause : stop;
    PoliteFetcher fetcher = new PoliteFetcher(settings.fetch(), clock, fetchPause, builder.jitter);
    this.poller = new PagePoller(log, fetcher, new PageSplitter(SplitLimits.from(builder.settings)), producer, clock,
        metrics, settings.interval(), stop::stopped, this::nextCycleAt);
  }

  /**
   * The feed as configured ({@code feed.*}, {@code fetch.*}, {@code topics.*}, {@code split.*}) on {@code cluster}:
   * creates missing topics and restores the fetch log. What {@code papers feed} and {@code papers
   * run} use.
   */
  public static DailyFeed connect(Settings settings, KafkaCluster cluster) {
    return builder(FeedSettings.from(settings), PipelineTopics.from(settings), cluster.bootstrapServers())
        .clientOverrides(cluster.clientOverrides())
        .settings(settings)
        .build();
  }

  public static Builder builder(FeedSettings feed, Topics topics, String bootstrapServers) {
    return new Builder(feed, topics, bootstrapServers);
  }

  public FeedSettings settings() {
    return settings;
  }

  /** Counters since this feed started. */
  public FeedMetrics metrics() {
    return metrics;
  }

  /**
   * Polls the daily listing of every day from {@code from} to {@code to} (clipped to today), in
   * order. A past day already fetched successfully after its look-back window closed is done and
   * skipped; a day still in the window is polled conditionally. A failing day is reported and
   * recorded, and the backfill goes on; running the backfill again retries it. When the site cannot
   * be reached at all for {@code feed.unreachable-limit} days in a row, the backfill stops: the
   * days left are counted as not tried and {@link FeedSummary#unreachable()} says why.
   */
  public FeedSummary backfill(LocalDate from, LocalDate to, BackfillProgress progress) {
    Objects.requireNonNull(progress, "progress");
    LocalDate today = today();
    LocalDate last = to.isAfter(today) ? today : to;
    if (last.isBefore(to)) {
      LOG.info("Backfill: {} is in the future, stopping at today ({})", to, today);
    }
    if (from.isAfter(last)) {
      throw new IllegalArgumentException("backfill range is empty: " + from + " is after " + last);
    }
    lock();
    try {
      int total = (int) ChronoUnit.DAYS.between(from, last) + 1;
      FeedSummary.Builder summary = new FeedSummary.Builder();
      UnreachableSite site = unreachableSite();
      int done = 0;
      for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
        if (stop.stopped()) {
          LOG.info("Backfill stopped after {} of {} days", done, total);
          break;
        }
        if (site.givenUp()) {
          notTried(pages.listing(day), summary);
          continue;
        }
        PollResult result = pollDay(day, summary);
        progress.dayDone(++done, total, day, result);
        site.heard(result);
        if (site.givenUp() && done < total) {
          summary.unreachable(site.why());
          LOG.warn("Backfill stopped: {}; the {} days after {} are not tried (run the same backfill again to resume)",
              site.why(), total - done, day);
        }
      }
      return summary.build();
    } finally {
      running.unlock();
    }
  }

  /** One cycle of the continuous schedule: the look-back window, the searches, and failing pages now due. */
  public FeedSummary pollOnce() {
    lock();
    cycleStartedAt = clock.instant();
    try {
      FeedSummary.Builder summary = new FeedSummary.Builder();
      UnreachableSite site = unreachableSite();
      int notTried = 0;
      for (Map.Entry<URI, LocalDate> page : pages.cycle(today()).entrySet()) {
        if (stop.stopped()) {
          break;
        }
        if (site.givenUp()) {
          notTried(page.getKey(), summary);
          notTried++;
          continue;
        }
        site.heard(poller.pollListing(page.getKey(), page.getValue(), Duration.ZERO, summary::add));
      }
      if (notTried > 0) {
        summary.unreachable(site.why());
        LOG.warn("{}: {} of this cycle left for the next one, at {}", site.why(),
            Counted.of(notTried, "more page", "more pages"),
            nextCycleAt().truncatedTo(ChronoUnit.SECONDS));
      }
      metrics.countCycle();
      return summary.build();
    } finally {
      cycleStartedAt = null;
      running.unlock();
    }
  }

  /** Polls every {@code feed.interval} until {@link #close()} is called (or the thread interrupted). */
  public void runContinuously() {
    lock();
    try {
      LOG.info("Following {} every {}: today and {} days back, {} searches", settings.baseUrl(),
          Durations.describe(settings.interval()), settings.lookBackDays(), settings.searches().size());
      while (!stop.stopped()) {
        Instant started = clock.instant();
        FeedSummary summary = pollOnce();
        LOG.info("Cycle done in {}: {}", Durations.describe(Duration.between(started, clock.instant())), summary);
        Duration wait = settings.interval().minus(Duration.between(started, clock.instant()));
        if (!stop.sleep(wait)) {
          break;
        }
      }
      LOG.info("Feed stopped: {}", metrics);
    } finally {
      running.unlock();
    }
  }

  /** Asks the current run to stop after the page in flight; returns at once. */
  public void stop() {
    stop.stop();
  }

  /**
   * Stops the current run, waits for it to end, then flushes and closes the producer.
   *
   * @throws io.paperstream.ingest.produce.ProduceFailedException if any record could not be produced
   */
  @Override
  public void close() {
    stop.stop();
    running.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (log.failedWrites() > 0) {
        LOG.warn("{} fetch log entries could not be written: those pages will be fetched again", log.failedWrites());
      }
      producer.close();
    } finally {
      running.unlock();
    }
  }

  /** When the continuous schedule next polls: an interval after the current cycle started (or after now). */
  private Instant nextCycleAt() {
    Instant started = cycleStartedAt;
    return (started != null ? started : clock.instant()).plus(settings.interval());
  }

  private void lock() {
    running.lock();
    if (closed) {
      running.unlock();
      throw new IllegalStateException("the feed is closed");
    }
  }

  private UnreachableSite unreachableSite() {
    return new UnreachableSite(settings.baseUrl().toString(), settings.unreachableLimit());
  }

  /** A page left out because its site was found unreachable earlier in the run: counted, never fetched. */
  private void notTried(URI url, FeedSummary.Builder summary) {
    metrics.count(PageOutcome.NOT_TRIED);
    summary.add(PollResult.of(url.toString(), PageOutcome.NOT_TRIED));
  }

  private PollResult pollDay(LocalDate day, FeedSummary.Builder summary) {
    URI url = pages.listing(day);
    if (pages.isDone(url, day)) {
      PollResult skipped = new PollResult(url.toString(), PageOutcome.SKIPPED, 0, 0, "already fetched");
      metrics.count(PageOutcome.SKIPPED);
      summary.add(skipped);
      return skipped;
    }
    // asked for by hand: a day that failed once is tried again at once (its next cycle is an interval ahead)
    return poller.pollListing(url, day, settings.interval(), summary::add);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Assembles a feed; tests inject the clock, the pause and the jitter. */
  public static final class Builder {
    private final FeedSettings feed;
    private final Topics topics;
    private final String bootstrapServers;
    private Properties clientOverrides = new Properties();
    private Settings settings = Settings.defaults();
    private Clock clock = Clock.systemUTC();
    private Pause pause;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder(FeedSettings feed, Topics topics, String bootstrapServers) {
      this.feed = Objects.requireNonNull(feed, "feed");
      this.topics = Objects.requireNonNull(topics, "topics");
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    /** {@code kafka.*} client settings. */
    public Builder clientOverrides(Properties overrides) {
      this.clientOverrides = overrides;
      return this;
    }

    /**
     * The rest of the configuration the feed reads: the partitions and replication factor of the
     * topics it creates ({@code topics.*}) and the limits pages are split with ({@code split.*}).
     */
    public Builder settings(Settings settings) {
      this.settings = settings;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How fetches wait (back-off, Retry-After, rate limit); default: really, until stopped. */
    public Builder pause(Pause pause) {
      this.pause = pause;
      return this;
    }

    /** The random fraction of each back-off step, uniform in [0, 1). */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = jitter;
      return this;
    }

    /** Creates missing topics, connects the producer and restores the fetch log. */
    public DailyFeed build() {
      FeedKafka kafka = FeedKafka.connect(topics, bootstrapServers, clientOverrides, settings);
      return new DailyFeed(this, kafka.log(), kafka.producer(), new StopSignal());
    }
  }
}
