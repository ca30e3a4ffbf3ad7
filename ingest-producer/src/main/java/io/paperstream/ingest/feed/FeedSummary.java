package io.paperstream.ingest.feed;

import io.paperstream.console.Counted;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counts of one backfill or one cycle.
 *
 * @param pages pages per outcome
 * @param entries entries produced
 * @param deadLetters dead letters produced (split problems and fetch failures)
 * @param unreachable why the run stopped asking its site (pages {@link PageOutcome#NOT_TRIED}), or null
 */
public record FeedSummary(Map<PageOutcome, Integer> pages, int entries, int deadLetters, String unreachable) {

  public FeedSummary {
    pages = Map.copyOf(pages);
  }

  public int pages(PageOutcome outcome) {
    return pages.getOrDefault(outcome, 0);
  }

  public int failed() {
    return pages(PageOutcome.FAILED);
  }

  /** Pages not read in this run: failed, failing and not due again yet, or not tried (the site unreachable). */
  public int notRead() {
    return pages(PageOutcome.FAILED) + pages(PageOutcome.DEFERRED) + pages(PageOutcome.NOT_TRIED);
  }

  /** Accumulates a summary; not thread-safe (one per run). */
  static final class Builder {
    private final Map<PageOutcome, Integer> pages = new EnumMap<>(PageOutcome.class);
    private int entries;
    private int deadLetters;
    private String unreachable;

    void add(PollResult result) {
      pages.merge(result.outcome(), 1, Integer::sum);
      entries += result.entries();
      deadLetters += result.deadLetters();
    }

    void unreachable(String why) {
      unreachable = why;
    }

    FeedSummary build() {
      return new FeedSummary(pages, entries, deadLetters, unreachable);
    }
  }

  @Override
  public String toString() {
    return Counted.pages(pages(PageOutcome.PRODUCED)) + " produced, " + pages(PageOutcome.UNCHANGED) + " unchanged, "
        + pages(PageOutcome.NOT_MODIFIED) + " not modified, " + pages(PageOutcome.SKIPPED) + " skipped, "
        + pages(PageOutcome.DEFERRED) + " deferred, " + failed() + " failed"
        + (pages(PageOutcome.NOT_TRIED) > 0 ? ", " + pages(PageOutcome.NOT_TRIED) + " not tried" : "")
        + "; " + Counted.entries(entries) + ", " + Counted.deadLetters(deadLetters);
  }
}
