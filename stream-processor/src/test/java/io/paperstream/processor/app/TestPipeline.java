package io.paperstream.processor.app;

import static org.awaitility.Awaitility.await;

import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.TopicAdmin;
import io.paperstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/** One test's pipeline: its own topics, application id and state directory on a shared broker. */
final class TestPipeline {

  final String bootstrapServers;
  final Settings settings;
  final Topics topics;
  final String applicationId;

  TestPipeline(String bootstrapServers, Path stateDir) {
    this(bootstrapServers, stateDir, Map.of());
  }

  /** A pipeline with {@code extra} settings, e.g. {@code topics.replication-factor} on a cluster. */
  TestPipeline(String bootstrapServers, Path stateDir, Map<String, String> extra) {
    this.bootstrapServers = bootstrapServers;
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Settings settings = Settings.defaults().with(KafkaCluster.BOOTSTRAP_KEY, bootstrapServers);
    for (String logical : Topics.DEFAULT_NAMES.keySet()) {
      settings = settings.with("topics." + logical, logical + "-" + suffix);
    }
    this.applicationId = "processor-test-" + suffix;
    settings = settings
        .with(ProcessorSettings.APPLICATION_ID_KEY, applicationId)
        .with(ProcessorSettings.STATE_DIR_KEY, stateDir.toString())
        .with(ProcessorSettings.TREND_INTERVAL_KEY, "200");
    for (Map.Entry<String, String> setting : extra.entrySet()) {
      settings = settings.with(setting.getKey(), setting.getValue());
    }
    this.settings = settings;
    this.topics = PipelineTopics.from(this.settings);
  }

  /** Creates every topic, then splits and produces the sources as {@code papers ingest} does. */
  void ingest(List<String> sources) {
    createTopics();
    try (RawEntryProducer producer = RawEntryProducer.connect(bootstrapServers, new Properties(), topics)) {
      new IngestPipeline(new PageSources(new HttpPageFetcher(), null), new PageSplitter(), Clock.systemUTC())
          .run(sources, producer);
    }
  }

  void createTopics() {
    try (KafkaCluster cluster = KafkaCluster.connect(settings); Admin admin = cluster.admin()) {
      TopicAdmin.ensureTopics(admin, PipelineTopics.allTopics(topics, settings));
    }
  }

  /** Until every input is consumed and every trend the counts marked is emitted. */
  void awaitCaughtUp() {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
        KafkaTestSupport.caughtUp(bootstrapServers, applicationId,
            List.of(topics.rawEntries().name()), List.of(topics.sightings().name()))
            && KafkaTestSupport.noTrendPending(bootstrapServers, applicationId)
            && KafkaTestSupport.noOpenTransaction(bootstrapServers, applicationId, List.of(topics.sightings().name(),
                topics.papers().name(), topics.keywordDailyCounts().name(), topics.keywordTrends().name())));
  }
}
