package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application id whose internal topics an earlier version made (here: the vocabulary counted
 * on one partition, where raw entries on three now count it on three), on a real broker: the
 * processor stops with an error instead of replacing its stream threads forever, and the same
 * pipeline runs under a new application id. Two stream threads, static members: the thread that
 * fails leaves the group, so the other's rebalance ends and the processor stops well within the
 * session timeout (45 s) it would otherwise wait out.
 */
class IncompatibleStateOnKafkaTest {

  @TempDir Path stateDir;

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void internalTopicsOfAnEarlierVersionStopTheProcessorAndANewApplicationIdRuns() throws Exception {
    // given raw entries on three partitions and the vocabulary repartition topic an earlier
    // version made with one
    TestPipeline pipeline = new TestPipeline(KAFKA.bootstrapServers(), stateDir,
        Map.of("topics.partitions", "3", ProcessorSettings.THREADS_KEY, "2"));
    pipeline.createTopics();
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings); Admin admin = cluster.admin()) {
      admin.createTopics(List.of(new NewTopic(pipeline.applicationId + "-vocabulary-deltas-repartition", 1, (short) 1)))
          .all().get();
    }

    // when the processor starts on it
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings);
        PaperProcessor processor = PaperProcessor.start(cluster, pipeline.settings)) {

      // then it stops in error, within the first rebalance, rather than replacing threads, saying why
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(processor::terminated);
      assertThat(processor.streams().state()).isEqualTo(KafkaStreams.State.ERROR);
      assertThat(processor.stopReason()).hasValueSatisfying(why -> assertThat(why)
          .contains(pipeline.applicationId + "-vocabulary-deltas-repartition has 1 partition(s)"));
    }

    // and under a new application id the same topics are processed
    TestPipeline fresh = new TestPipeline(KAFKA.bootstrapServers(), stateDir.resolve("fresh"), Map.of(
        "topics.partitions", "3", "topics.raw-entries", pipeline.topics.rawEntries().name(),
        "topics.sightings", pipeline.topics.sightings().name(), ProcessorSettings.THREADS_KEY, "1"));
    try (KafkaCluster cluster = KafkaCluster.connect(fresh.settings);
        PaperProcessor processor = PaperProcessor.start(cluster, fresh.settings)) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> processor.streams().state() == KafkaStreams.State.RUNNING);
    }
  }
}
