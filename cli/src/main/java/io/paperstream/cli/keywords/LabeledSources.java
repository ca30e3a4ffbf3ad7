package io.paperstream.cli.keywords;

import io.paperstream.ingest.EntrySink;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.IngestSummary;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.processor.enrich.eval.LabeledPapers;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

/** Reads digest pages, as {@code papers ingest} does, into the labeled papers they hold. */
final class LabeledSources {

  private LabeledSources() {}

  static LabeledPapers read(List<String> sources, PrintWriter err) {
    LabeledPapers labeled = new LabeledPapers();
    IngestPipeline pipeline = new IngestPipeline(new PageSources(new HttpPageFetcher(), null), new PageSplitter(),
        Clock.systemUTC());
    int[] deadLetters = new int[1];
    IngestSummary summary = pipeline.run(sources, new EntrySink() {
      @Override
      public void entry(RawEntry entry) {
        labeled.add(entry);
      }

      @Override
      public void deadLetter(DeadLetter deadLetter) {
        deadLetters[0]++;
      }
    });
    if (summary.unreadable() > 0) {
      throw new IllegalArgumentException(summary.unreadable() + " source(s) could not be read: " + summary);
    }
    if (deadLetters[0] > 0 || labeled.unreadable() > 0) {
      err.println("note: " + deadLetters[0] + " dead letter(s) and " + labeled.unreadable()
          + " unreadable entr(ies) were left out");
    }
    return labeled;
  }
}
