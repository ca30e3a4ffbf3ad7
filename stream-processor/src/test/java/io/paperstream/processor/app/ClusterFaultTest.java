package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.config.PipelineTopics;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.KafkaTestCluster;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.schemas.KeywordCount;
import io.paperstream.schemas.KeywordTrend;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a 3-broker cluster, with replication factor 3 and {@code min.insync.replicas} 2: one broker
 * stopped and one of two processor instances killed (SIGKILL) while raw entries flow, and the
 * final papers, counts and trends are those of an undisturbed run.
 */
class ClusterFaultTest {

  private static final int ENTRIES = 800;
  /** A killed instance's partitions move to the survivor after this session timeout (the broker's minimum). */
  private static final String SESSION_TIMEOUT_MS = "6000";

  @TempDir Path work;

  @Test
  void brokerStoppedAndInstanceKilledEndsAsAnUndisturbedRun() throws Exception {
    try (KafkaTestCluster cluster = KafkaTestCluster.start(3)) {
      // given the same raw entries for two pipelines on a 3-broker cluster, topics replicated 3 times
      List<RawEntry> entries = SyntheticEntries.generate(ENTRIES, 11);
      TestPipeline reference = pipeline(cluster, "reference");
      TestPipeline disturbed = pipeline(cluster, "disturbed");
      reference.createTopics();
      disturbed.createTopics();
      assertReplicated(cluster, disturbed.topics.papers().name());
      produce(reference, entries);

      // when one runs undisturbed
      try (KafkaCluster kafka = KafkaCluster.connect(reference.settings);
          PaperProcessor processor = PaperProcessor.start(kafka, reference.settings)) {
        reference.awaitCaughtUp();
      }
      // and the other runs as two instances, each in a JVM of its own
      Path config = ProcessorJvm.writeConfig(work.resolve("processor.properties"), disturbed,
          Map.of(PipelineTopics.REPLICATION_KEY, "3", PipelineTopics.MIN_INSYNC_KEY, "2",
              "kafka.session.timeout.ms", SESSION_TIMEOUT_MS, "kafka.heartbeat.interval.ms", "1000"));
      Process killed = instance(cluster, config, "a");
      Process survivor = instance(cluster, config, "b");
      try {
        int half = entries.size() / 2;
        produce(disturbed, entries.subList(0, half));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
            KafkaTestSupport.committedOn(cluster.bootstrapServers(), disturbed.applicationId,
                disturbed.topics.rawEntries().name()) > 0);
        // while the second half flows in, a broker stops and an instance dies without a goodbye
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> produce(disturbed, entries.subList(half, entries.size())));
        cluster.stopBroker(cluster.brokerIds().iterator().next());
        killed.destroyForcibly().waitFor();
        rest.get();
        disturbed.awaitCaughtUp();
        assertThat(survivor.isAlive()).as("the surviving instance kept running").isTrue();
      } finally {
        killed.destroyForcibly().waitFor();
        survivor.destroy();
        survivor.waitFor();
      }

      // then papers, keyword counts and trends equal the undisturbed run's (lastSeen aside: it
      // is the time of whichever material sighting came last, which depends on arrival order)
      String bootstrap = cluster.bootstrapServers();
      Map<String, Paper> expectedPapers = SameTables.withoutLastSeen(TopicContents.table(bootstrap, reference.topics.papers()));
      assertThat(expectedPapers).hasSizeGreaterThan(ENTRIES * 3 / 4);
      SameTables.assertSameTable("papers", SameTables.withoutLastSeen(TopicContents.table(bootstrap, disturbed.topics.papers())),
          expectedPapers);
      Map<String, KeywordCount> expectedCounts = TopicContents.table(bootstrap, reference.topics.keywordDailyCounts());
      SameTables.assertSameTable("keyword-daily-counts", TopicContents.table(bootstrap, disturbed.topics.keywordDailyCounts()),
          expectedCounts);
      Map<String, KeywordTrend> expectedTrends = TopicContents.table(bootstrap, reference.topics.keywordTrends());
      assertThat(expectedTrends).isNotEmpty();
      SameTables.assertSameTable("keyword-trends", TopicContents.table(bootstrap, disturbed.topics.keywordTrends()),
          expectedTrends);
    }
  }

  private TestPipeline pipeline(KafkaTestCluster cluster, String name) throws Exception {
    return new TestPipeline(cluster.bootstrapServers(), Files.createDirectories(work.resolve(name)),
        Map.of(PipelineTopics.REPLICATION_KEY, "3", PipelineTopics.MIN_INSYNC_KEY, "2"));
  }

  private Process instance(KafkaTestCluster cluster, Path config, String name) throws Exception {
    Path stateDir = Files.createDirectories(work.resolve("state-" + name));
    return ProcessorJvm.start(cluster.bootstrapServers(), config, "cluster-fault-test-" + name,
        Map.of("PAPERSTREAM_PROCESSOR_STATE_DIR", stateDir.toString()));
  }

  private static void produce(TestPipeline pipeline, List<RawEntry> entries) {
    try (RawEntryProducer producer = RawEntryProducer.connect(pipeline.bootstrapServers, new Properties(),
        pipeline.topics)) {
      entries.forEach(producer::entry);
    }
  }

  private static void assertReplicated(KafkaTestCluster cluster, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    }
  }

}
