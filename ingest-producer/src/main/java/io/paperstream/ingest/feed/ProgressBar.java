package io.paperstream.ingest.feed;

import io.paperstream.config.Durations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A backfill's progress on stderr: on a terminal, one line redrawn with {@code \r} (bar, days,
 * percentage, ETA); otherwise (a log file, CI) a plain line every few seconds and at the end, so
 * logs are not flooded with carriage returns.
 */
public final class ProgressBar implements BackfillProgress {

  private static final int WIDTH = 30;
  private static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

  private final PrintWriter out;
  private final boolean terminal;
  private final Clock clock;
  private final Instant started;
  private Instant lastPlainLine;
  private int failed;

  public ProgressBar(PrintWriter out, boolean terminal, Clock clock) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
    this.started = clock.instant();
    this.lastPlainLine = started;
  }

  @Override
  public void dayDone(int done, int total, LocalDate day, PollResult result) {
    if (result.outcome() == PageOutcome.FAILED || result.outcome() == PageOutcome.DEFERRED) {
      failed++;
    }
    Instant now = clock.instant();
    String line = line(done, total, day, Duration.between(started, now));
    if (terminal) {
      out.print("\r" + line);
      if (done == total) {
        out.println();
      }
      out.flush();
    } else if (done == total || !now.isBefore(lastPlainLine.plus(PLAIN_EVERY))) {
      lastPlainLine = now;
      out.println(line);
      out.flush();
    }
  }

  /** {@code [#####.....]  12/48 days  25%  2024-06-07  ETA 1m 10s  (1 not read)} */
  String line(int done, int total, LocalDate day, Duration elapsed) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    int percent = total == 0 ? 100 : (int) (100L * done / total);
    String eta = done == total ? "done in " + Durations.describe(elapsed)
        : "ETA " + Durations.describe(elapsed.multipliedBy(total - done).dividedBy(Math.max(1, done)));
    return String.format(Locale.ROOT, "[%s] %d/%d days %3d%%  %s  %s%s", bar, done, total, percent, day, eta,
        failed > 0 ? "  (" + failed + " not read)" : "");
  }
}
