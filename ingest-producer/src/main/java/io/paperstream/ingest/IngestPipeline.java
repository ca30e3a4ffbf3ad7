package io.paperstream.ingest;

import io.paperstream.ingest.source.FetchOutcome;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitResult;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import java.time.Clock;
import java.util.List;

/** Reads sources, splits each page, and hands every entry and dead letter to a sink. */
public final class IngestPipeline {

  private final PageSources sources;
  private final PageSplitter splitter;
  private final Clock clock;

  public IngestPipeline(PageSources sources, PageSplitter splitter, Clock clock) {
    this.sources = sources;
    this.splitter = splitter;
    this.clock = clock;
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
    SplitResult result = splitter.split(fetched.page());
    summary.countPage(result.kind());
    for (RawEntry entry : result.entries()) {
      sink.entry(entry);
    }
    for (DeadLetter deadLetter : result.deadLetters()) {
      sink.deadLetter(deadLetter);
    }
    summary.addEntries(result.entries().size());
    summary.addDeadLetters(result.deadLetters().size());
    if (result.entries().isEmpty() && result.deadLetters().stream().anyMatch(d -> d.getPosition() == null)) {
      summary.countUnreadable();
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
