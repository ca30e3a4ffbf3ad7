package io.paperstream.app;

import io.paperstream.ingest.feed.FeedMetrics;
import io.paperstream.ingest.feed.FeedStatus;
import io.paperstream.processor.app.ProgressLines;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * On the console of {@code papers run} without SOURCE: when the feed has not read a single page
 * and its fetches fail (offline, a proxy, the site down), one line saying what is wrong, when it
 * tries again and how to process files instead; and one line when it reads again.
 */
final class FeedHint implements AutoCloseable {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final FeedMetrics feed;
  private final String site;
  private final PrintWriter err;
  private final ScheduledExecutorService timer;
  private boolean said;

  private FeedHint(FeedMetrics feed, String site, PrintWriter err) {
    this.feed = feed;
    this.site = site;
    this.err = err;
    this.timer = ProgressLines.daemonTimer("paperstream-feed-hint");
  }

  static FeedHint start(FeedMetrics feed, String site, PrintWriter err) {
    FeedHint hint = new FeedHint(feed, site, err);
    hint.timer.scheduleWithFixedDelay(hint::check, 1, 1, TimeUnit.SECONDS);
    return hint;
  }

  void check() {
    FeedStatus status = feed.status();
    if (!said && status.failing() && status.lastSuccessAt() == null) {
      said = true;
      err.println("run: the feed cannot read " + site + ": " + status.lastError() + "; it tries again at "
          + (status.nextAttemptAt() == null ? "the next cycle" : TIME.format(status.nextAttemptAt()))
          + ". Offline? Process files instead: papers run FILE-OR-FOLDER... (e.g. papers run ../shared/fixtures/seeds)");
      err.flush();
    } else if (said && !status.failing() && status.lastSuccessAt() != null) {
      said = false;
      err.println("run: the feed reads " + site + " again");
      err.flush();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
