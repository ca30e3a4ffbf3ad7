package io.paperstream.ingest.feed;

import io.paperstream.console.Counted;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counters of a running feed since it started, for logs, progress and monitoring. Thread-safe. */
public final class FeedMetrics {

  private final Map<PageOutcome, AtomicLong> pages = new EnumMap<>(PageOutcome.class);
  private final AtomicLong entries = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong cycles = new AtomicLong();
  private final AtomicReference<FeedStatus> status = new AtomicReference<>(FeedStatus.STARTING);

  FeedMetrics() {
    for (PageOutcome outcome : PageOutcome.values()) {
      pages.put(outcome, new AtomicLong());
    }
  }

  void count(PageOutcome outcome) {
    pages.get(outcome).incrementAndGet();
  }

  void addEntries(long n) {
    entries.addAndGet(n);
  }

  void addDeadLetters(long n) {
    deadLetters.addAndGet(n);
  }

  void succeeded(Instant at) {
    status.updateAndGet(s -> s.succeeded(at));
  }

  void failed(Instant at, String reason, Instant nextAttempt) {
    status.updateAndGet(s -> s.failed(at, reason, nextAttempt));
  }

  /** Last success, failures in a row, the last error and the next attempt. */
  public FeedStatus status() {
    return status.get();
  }

  /** Pages actually fetched from the site with an answer: produced, unchanged or not modified. */
  public long fetchesOk() {
    return pages(PageOutcome.PRODUCED) + pages(PageOutcome.UNCHANGED) + pages(PageOutcome.NOT_MODIFIED);
  }

  void countCycle() {
    cycles.incrementAndGet();
  }

  /** Pages polled with this outcome. */
  public long pages(PageOutcome outcome) {
    return pages.get(outcome).get();
  }

  /** Page fetches that failed after their retries (each was logged, dead-lettered and will be retried). */
  public long fetchFailures() {
    return pages(PageOutcome.FAILED);
  }

  public long entriesProduced() {
    return entries.get();
  }

  /** Dead letters produced: per-entry split problems and fetch failures. */
  public long deadLetters() {
    return deadLetters.get();
  }

  public long cycles() {
    return cycles.get();
  }

  @Override
  public String toString() {
    return Counted.pages(pages(PageOutcome.PRODUCED)) + " produced, " + pages(PageOutcome.UNCHANGED) + " unchanged, "
        + pages(PageOutcome.NOT_MODIFIED) + " not modified, " + pages(PageOutcome.SKIPPED) + " skipped, "
        + pages(PageOutcome.DEFERRED) + " deferred, "
        + pages(PageOutcome.FAILED) + " failed; " + Counted.entries(entriesProduced()) + ", "
        + Counted.deadLetters(deadLetters());
  }
}
