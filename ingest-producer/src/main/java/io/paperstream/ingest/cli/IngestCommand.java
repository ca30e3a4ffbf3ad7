package io.paperstream.ingest.cli;

import io.paperstream.config.ClusterOptions;
import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.ingest.EntrySink;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.IngestSummary;
import io.paperstream.ingest.produce.IngestLog;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitLimits;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.TopicAdmin;
import io.paperstream.schemas.Topics;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
        "Splits digest pages and produces the raw entries to Kafka (topic paper-raw-entries), "
            + "dead letters to paper-raw-dead-letters. Topics are created when missing.",
        "Pages already produced (same source, same content: the ingest log, topic paper-ingest-log) are "
            + "skipped and counted; --force sends them again.",
        "Without bootstrap servers it uses the local embedded broker on 127.0.0.1:9092, "
            + "starting one on the default data directory when none is running.",
        "Exit status: 0 when every source was read and every record acknowledged, "
            + "1 when a source could not be read or a record could not be produced, "
            + "2 for a usage error (e.g. a SOURCE path that does not exist: checked before Kafka is contacted)."})
public final class IngestCommand implements Callable<Integer> {

  @Mixin SourceOptions options;

  @Mixin ClusterOptions clusterOptions;

  @Option(names = "--force",
      description = "Send every page again, even those the ingest log (topic paper-ingest-log) says were produced.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SourceOptions.requireUsable(options.sources(), spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    Settings settings = clusterOptions.settings();
    Topics topics = PipelineTopics.from(settings);
    IngestPipeline pipeline = new IngestPipeline(
        new PageSources(new HttpPageFetcher(), options.asOf()), new PageSplitter(SplitLimits.from(settings)),
        Clock.systemUTC());
    IngestSummary summary;
    long failedLogWrites;
    try (KafkaCluster cluster = KafkaCluster.connect(settings)) {
      try (Admin admin = cluster.admin()) {
        TopicAdmin.ensureTopics(admin, PipelineTopics.ingestTopics(topics, settings));
      }
      try (DeadLetterReport report = new DeadLetterReport(err, options.deadLettersFile());
          RawEntryProducer producer =
              RawEntryProducer.connect(cluster.bootstrapServers(), cluster.clientOverrides(), topics)) {
        IngestLog log = IngestLog.restore(cluster.bootstrapServers(), cluster.clientOverrides(), topics.ingestLog(),
            producer, Clock.systemUTC());
        summary = pipeline.withLog(log, force).run(options.sources(), EntrySink.of(producer::entry, deadLetter -> {
          report.report(deadLetter);
          producer.deadLetter(deadLetter);
        }));
        log.finish();
        failedLogWrites = log.failedWrites();
      }
      err.println("ingest: " + summary + " -> " + topics.rawEntries().name() + " on " + cluster.bootstrapServers());
      if (failedLogWrites > 0) {
        err.println("ingest: " + failedLogWrites + " pages could not be written to " + topics.ingestLog().name()
            + ": a next run sends them again");
      }
    }
    return summary.unreadable() == 0 ? 0 : 1;
  }
}
