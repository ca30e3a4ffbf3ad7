package io.paperstream.ingest.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * At most N requests per second to any one host: each request takes the next free slot of its
 * host and waits for it. Slots are reserved under a lock and waited for outside it, so one slow
 * host never holds up another.
 */
final class PerHostRateLimiter {

  private final Duration spacing;
  private final Clock clock;
  private final Pause pause;
  private final Map<String, Instant> nextFree = new HashMap<>();

  PerHostRateLimiter(double requestsPerSecond, Clock clock, Pause pause) {
    this.spacing = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
    this.clock = clock;
    this.pause = pause;
  }

  /** Waits for the host's next slot; false when the feed is stopping. */
  boolean acquire(String host) {
    Instant now = clock.instant();
    Instant slot;
    synchronized (nextFree) {
      String key = host == null ? "" : host.toLowerCase(Locale.ROOT);
      Instant free = nextFree.getOrDefault(key, now);
      slot = free.isAfter(now) ? free : now;
      nextFree.put(key, slot.plus(spacing));
    }
    Duration wait = Duration.between(now, slot);
    return wait.isZero() || pause.sleep(wait);
  }
}
