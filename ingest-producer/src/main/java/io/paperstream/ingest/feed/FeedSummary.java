package io.paperstream.ingest.feed;

import java.util.EnumMap;
import java.util.Map;

/**
 * The counts of one backfill or one cycle.
 *
 * @param pages pages per outcome
 * @param entries entries produced
 * @param deadLetters dead letters produced (split problems and fetch failures)
 */
public record FeedSummary(Map<PageOutcome, Integer> pages, int entries, int deadLetters) {

  public FeedSummary {
    pages = Map.copyOf(pages);
  }

  public int pages(PageOutcome outcome) {
    return pages.getOrDefault(outcome, 0);
  }

  public int failed() {
    return pages(PageOutcome.FAILED);
  }

  /** Pages not read in this run: failed, or failing and not due again yet. */
  public int notRead() {
    return pages(PageOutcome.FAILED) + pages(PageOutcome.DEFERRED);
  }

  /** Accumulates a summary; not thread-safe (one per run). */
  static final class Builder {
    private final Map<PageOutcome, Integer> pages = new EnumMap<>(PageOutcome.class);
    private int entries;
    private int deadLetters;

    void add(PollResult result) {
      pages.merge(result.outcome(), 1, Integer::sum);
      entries += result.entries();
      deadLetters += result.deadLetters();
    }

    FeedSummary build() {
      return new FeedSummary(pages, entries, deadLetters);
    }
  }

  @Override
  public String toString() {
    return pages(PageOutcome.PRODUCED) + " pages produced, " + pages(PageOutcome.UNCHANGED) + " unchanged, "
        + pages(PageOutcome.NOT_MODIFIED) + " not modified, " + pages(PageOutcome.SKIPPED) + " skipped, "
        + pages(PageOutcome.DEFERRED) + " deferred, "
        + failed() + " failed; " + entries + " entries, " + deadLetters + " dead letters";
  }
}
