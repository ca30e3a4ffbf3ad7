package io.paperstream.ingest.feed;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of a running feed since it started, for logs, progress and monitoring. Thread-safe. */
public final class FeedMetrics {

  private final Map<PageOutcome, AtomicLong> pages = new EnumMap<>(PageOutcome.class);
  private final AtomicLong entries = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong cycles = new AtomicLong();

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
    return pages(PageOutcome.PRODUCED) + " pages produced, " + pages(PageOutcome.UNCHANGED) + " unchanged, "
        + pages(PageOutcome.NOT_MODIFIED) + " not modified, " + pages(PageOutcome.SKIPPED) + " skipped, "
        + pages(PageOutcome.DEFERRED) + " deferred, "
        + pages(PageOutcome.FAILED) + " failed; " + entriesProduced() + " entries, " + deadLetters() + " dead letters";
  }
}
