package io.paperstream.ingest.feed;

import java.time.Duration;

/**
 * Waits between fetches (back-off, Retry-After, rate limit) and between cycles. Injected so that
 * tests record the waits instead of spending them, and so that a stopping feed wakes at once.
 */
@FunctionalInterface
public interface Pause {

  /** Waits {@code duration}; false when the feed is stopping and the caller should give up. */
  boolean sleep(Duration duration);
}
