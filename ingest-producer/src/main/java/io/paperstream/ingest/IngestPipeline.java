package io.paperstream.ingest;

import io.paperstream.ingest.source.FetchOutcome;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.Page;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitCounts;
import io.paperstream.schemas.DeadLetter;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** Reads sources, splits each page, and hands every entry and dead letter to a sink as it is read. */
public final class IngestPipeline {

  private final PageSources sources;
  private final PageSplitter splitter;
  private final Clock clock;
  private final PageLog log;
  private final boolean force;

  public IngestPipeline(PageSources sources, PageSplitter splitter, Clock clock) {
    this(sources, splitter, clock, null, false);
  }

  private IngestPipeline(PageSources sources, PageSplitter splitter, Clock clock, PageLog log, boolean force) {
    this.sources = sources;
    this.splitter = splitter;
    this.clock = clock;
    this.log = log;
    this.force = force;
  }

  /**
   * This pipeline with an ingest log: a page whose content was produced before is skipped (and
   * counted as such) unless {@code force}; every page produced is logged.
   */
  public IngestPipeline withLog(PageLog pageLog, boolean forceResend) {
    return new IngestPipeline(sources, splitter, clock, pageLog, forceResend);
  }

  public IngestSummary run(List<String> sourceArgs, EntrySink sink) {
    IngestSummary summary = new IngestSummary();
    sources.forEach(sourceArgs, outcome -> {
      if (outcome instanceof FetchOutcome.Fetched fetched) {
        split(fetched, sink, summary);
      } else if (outcome instanceof FetchOutcome.Failed failed) {
        summary.countUnreadable();
        summary.addDeadLetters(1);
        sink.deadLetter(fetchFailure(failed));
      }
    });
    return summary;
  }

  private void split(FetchOutcome.Fetched fetched, EntrySink sink, IngestSummary summary) {
    Page page = fetched.page();
    String fingerprint = log != null && withinCap(page) ? PageSplitter.fingerprint(page) : null;
    if (fingerprint != null && !force && log.produced(page.source(), fingerprint)) {
      summary.countSkipped();
      return;
    }
    SplitCounts counts = splitter.split(page, fingerprint, sink);
    if (fingerprint != null) {
      log.sent(page.source(), fingerprint);
    }
    summary.countPage(counts.kind());
    summary.addEntries(counts.entries());
    summary.addDeadLetters(counts.deadLetters());
    if (counts.pageRejected()) {
      summary.countUnreadable();
    }
  }

  /** A page over the cap is not read, not even to fingerprint it: its one dead letter is sent again. */
  private boolean withinCap(Page page) {
    try {
      return page.size() <= splitter.limits().maxPageBytes();
    } catch (IOException e) {
      return false;
    }
  }

  private DeadLetter fetchFailure(FetchOutcome.Failed failed) {
    return DeadLetter.newBuilder()
        .setSource(failed.source())
        .setSourceKind(null)
        .setPosition(null)
        .setReason(failed.reason())
        .setExcerpt(null)
        .setStage("fetch")
        .setOccurredAt(clock.instant())
        .build();
  }
}
