package io.paperstream.ingest.feed;

import java.time.Instant;

/**
 * How the feed is doing, for people: when a page was last read, how many fetches failed in a row
 * since then and why the last one did, and when the feed will try again (always in the future
 * while failing: the next cycle, or later for a page that keeps failing).
 *
 * @param lastSuccessAt the last page fetched or confirmed unchanged; null: none since start
 * @param failuresInARow page fetches that failed since the last success
 * @param lastError why the last failing fetch failed; null when the last fetch succeeded
 * @param lastFailureAt when it failed; null when none has
 * @param nextAttemptAt when the failing page is fetched again; null when nothing is failing
 */
public record FeedStatus(Instant lastSuccessAt, long failuresInARow, String lastError, Instant lastFailureAt,
    Instant nextAttemptAt) {

  static final FeedStatus STARTING = new FeedStatus(null, 0, null, null, null);

  public boolean failing() {
    return failuresInARow > 0;
  }

  FeedStatus succeeded(Instant at) {
    return new FeedStatus(at, 0, null, lastFailureAt, null);
  }

  FeedStatus failed(Instant at, String reason, Instant next) {
    return new FeedStatus(lastSuccessAt, failuresInARow + 1, reason, at, next);
  }
}
