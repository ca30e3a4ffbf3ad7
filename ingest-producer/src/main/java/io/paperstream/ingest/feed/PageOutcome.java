package io.paperstream.ingest.feed;

/** What polling one page came to. */
public enum PageOutcome {
  /** New content: its entries (and dead letters) were produced. */
  PRODUCED,
  /** A 200 whose content fingerprint equals the logged one: nothing produced. */
  UNCHANGED,
  /** A 304 to our conditional GET: nothing produced. */
  NOT_MODIFIED,
  /** Not fetched: a past day already done. */
  SKIPPED,
  /** Not fetched: a failing page not due again yet (failure back-off or the server's Retry-After). */
  DEFERRED,
  /** Could not be fetched (after retries): reported and retried on a later cycle or run. */
  FAILED,
  /**
   * Not fetched: earlier pages of the same run found the site unreachable (no connection at all,
   * {@code feed.unreachable-limit} in a row); the next cycle or run tries it.
   */
  NOT_TRIED,
  /** Not fetched because the feed is stopping. */
  STOPPED
}
