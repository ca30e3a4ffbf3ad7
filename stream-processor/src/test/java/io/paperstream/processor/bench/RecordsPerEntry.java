package io.paperstream.processor.bench;

import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.RawEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Records written per entry, topic by topic: the processor (and the bare repartition+count app,
 * on the same entries) runs until caught up, then every topic it wrote (outputs, repartitions,
 * changelogs, the sightings loop) is counted on the broker ({@link TopicRecordCounts}) and
 * divided by the entries. The input is not counted. Unlike a rate, the machine's load cannot move
 * these figures, except the parts that depend on how often a commit happens: transaction markers,
 * and what a record cache absorbs between two commits.
 */
final class RecordsPerEntry {

  private static final Duration CATCH_UP = Duration.ofMinutes(20);

  private final BenchOptions options;

  RecordsPerEntry(BenchOptions options) {
    this.options = options;
  }

  /** Prints one table per app. */
  void run(BenchBroker broker, List<RawEntry> entries, Path work) throws Exception {
    try (BenchPipeline pipeline = new BenchPipeline(broker.bootstrapServers(), work, options.settings());
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      pipeline.createTopics();
      // not the processor's id and a dash: the processor's topics are those that start with that
      String bare = "bare-" + pipeline.applicationId;
      ProcessorSettings settings = new ProcessorSettings(pipeline.settings);
      // both running before the first entry: a Streams app writing to internal topics it has only
      // just created can meet a partition without a leader yet and stall in the producer's retries
      try (StreamsRun bareRun = new StreamsRun(
              BareCountTopology.build(pipeline.topics.rawEntries().name(), pipeline.bareOutput),
              unpurged(pipeline.streamsConfig(bare))).start();
          StreamsRun run = new StreamsRun(
              PaperTopology.buildTopology(pipeline.topics, settings.topologyOptions()),
              unpurged(pipeline.streamsConfig(pipeline.applicationId))).start()) {
        pipeline.produce(entries);
        StreamsRun.await(() -> pipeline.caughtUp(bare, List.of()), CATCH_UP, "the bare app to catch up");
        StreamsRun.await(() -> pipeline.processorDone(run.streams), CATCH_UP, "the processor to catch up");
      }
      print("bare repartition+count", admin, pipeline, written(admin, bare + "-", pipeline.bareOutput),
          entries.size());
      List<String> outputs = pipeline.topics.all().stream()
          .map(topic -> topic.name())
          .filter(name -> !name.equals(pipeline.topics.rawEntries().name()))
          .toList();
      print("paperstream", admin, pipeline, written(admin, pipeline.applicationId + "-", outputs), entries.size());
    }
  }

  /**
   * Kafka Streams deletes what it has consumed of its repartition topics (every 30 s by default):
   * kept here, so that they can be counted. Not a change of what is written.
   */
  private static Properties unpurged(Properties config) {
    config.put(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, Long.MAX_VALUE);
    return config;
  }

  /** The application's internal topics (its id, then a dash) and the named outputs. */
  private static List<String> written(Admin admin, String internalPrefix, List<String> outputs)
      throws ExecutionException, InterruptedException {
    return admin.listTopics().names().get().stream()
        .filter(name -> name.startsWith(internalPrefix) || outputs.contains(name))
        .sorted()
        .toList();
  }

  private static List<String> written(Admin admin, String internalPrefix, String output)
      throws ExecutionException, InterruptedException {
    return written(admin, internalPrefix, List.of(output));
  }

  private static void print(String app, Admin admin, BenchPipeline pipeline, List<String> topics, int entries)
      throws ExecutionException, InterruptedException {
    Map<String, TopicRecordCounts.Count> counts = TopicRecordCounts.of(admin, pipeline.bootstrapServers, topics);
    Report.line("%n#### %s, %,d entries%n", app, entries);
    Report.line("| topic | records / entry | markers and aborted / entry | offsets |");
    Report.line("|---|---|---|---|");
    long records = 0;
    long offsets = 0;
    for (Map.Entry<String, TopicRecordCounts.Count> each : counts.entrySet()) {
      TopicRecordCounts.Count count = each.getValue();
      records += count.committedRecords();
      offsets += count.offsets();
      Report.line("| %s | %.2f | %.2f | %,d |", generic(each.getKey(), pipeline), (double) count.committedRecords() / entries,
          (double) count.markersAndAborted() / entries, count.offsets());
    }
    Report.line("| **all** | **%.2f** | **%.2f** | %,d |", (double) records / entries,
        (double) (offsets - records) / entries, offsets);
  }

  /** The topic's name without the run's own application id and suffix. */
  private static String generic(String topic, BenchPipeline pipeline) {
    String suffix = pipeline.applicationId.substring("bench-".length());
    return topic.replace(pipeline.applicationId + "-", "").replace("-" + suffix, "");
  }
}
