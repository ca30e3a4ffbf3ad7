package io.paperstream.ingest.feed;

import io.paperstream.console.Counted;

/**
 * Tells one run (a backfill, a cycle) when to stop asking a site that cannot be reached at all:
 * offline, the site down, its name not resolving. Each such page costs the fetcher's retries
 * before it fails the same way, so after {@code limit} in a row the rest of the run is not tried
 * (and nothing is lost: a page not tried has no fetch log entry, and the next cycle or run asks
 * for it). A page the site answered, even with an error, starts the count again; a page not
 * fetched (skipped, deferred) does not count.
 */
final class UnreachableSite {

  private final String site;
  private final int limit;
  private int inARow;
  private String lastReason;

  UnreachableSite(String site, int limit) {
    this.site = site;
    this.limit = limit;
  }

  void heard(PollResult result) {
    switch (result.outcome()) {
      case PRODUCED, UNCHANGED, NOT_MODIFIED -> inARow = 0;
      case FAILED -> {
        if (result.siteUnreachable()) {
          inARow++;
          lastReason = result.reason();
        } else {
          inARow = 0;
        }
      }
      default -> { }
    }
  }

  boolean givenUp() {
    return inARow >= limit;
  }

  /** Why the run stopped asking, for people: the site, how many pages failed, the last reason. */
  String why() {
    return site + " could not be reached for " + Counted.pages(inARow) + " in a row ("
        + lastReason + ")";
  }
}
