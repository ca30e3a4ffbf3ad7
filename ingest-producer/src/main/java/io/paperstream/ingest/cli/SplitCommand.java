package io.paperstream.ingest.cli;

import io.paperstream.config.ConfigOption;
import io.paperstream.ingest.EntrySink;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.IngestSummary;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitLimits;
import io.paperstream.schemas.RecordJson;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "split", mixinStandardHelpOptions = true,
    description = {
        "Splits digest pages into raw entries, offline.",
        "Prints one JSON object per entry on stdout (the RawEntry fields by their schema names), "
            + "dead letters as readable lines on stderr, and a summary on stderr.",
        "Exit status: 0 when every source was read, 1 when a source could not be fetched or read at all, "
            + "2 for a usage error (e.g. a SOURCE path that does not exist)."})
public final class SplitCommand implements Callable<Integer> {

  @Mixin SourceOptions options;

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SourceOptions.requireUsable(options.sources(), spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RecordJson json = new RecordJson();
    IngestPipeline pipeline = new IngestPipeline(
        new PageSources(new HttpPageFetcher(), options.asOf()),
        new PageSplitter(SplitLimits.from(config.settings())), Clock.systemUTC());
    IngestSummary summary;
    try (DeadLetterReport report = new DeadLetterReport(err, options.deadLettersFile())) {
      summary = pipeline.run(options.sources(), EntrySink.of(entry -> out.println(json.toLine(entry)), report::report));
    }
    out.flush();
    err.println("split: " + summary);
    return summary.unreadable() == 0 ? 0 : 1;
  }
}
