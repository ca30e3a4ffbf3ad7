package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.schemas.KeywordCount;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A processor killed mid-stream (SIGKILL, no clean shutdown) and restarted ends where an uninterrupted one does. */
class ProcessorRestartTest {

  @TempDir Path work;

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void killedAndRestartedEqualsUninterrupted() throws Exception {
    // given the same raw entries on the input topics of two pipelines
    List<RawEntry> entries = SyntheticEntries.generate(4_000, 42);
    TestPipeline reference = pipeline("reference");
    TestPipeline interrupted = pipeline("interrupted");
    produce(reference, entries);
    produce(interrupted, entries);

    // when one runs uninterrupted
    try (KafkaCluster cluster = KafkaCluster.connect(reference.settings);
        PaperProcessor processor = PaperProcessor.start(cluster, reference.settings)) {
      reference.awaitCaughtUp();
    }
    // and the other is killed while its input is partly consumed, then started again
    Path config = ProcessorJvm.writeConfig(work.resolve("processor.properties"), interrupted, Map.of());
    Process first = ProcessorJvm.start(KAFKA.bootstrapServers(), config, "restart-test-first", Map.of());
    try {
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
          .until(() -> committedOnRawEntries(interrupted) > 0);
      assertThat(committedOnRawEntries(interrupted)).as("killed mid-stream").isLessThan(entries.size());
    } finally {
      first.destroyForcibly().waitFor();
    }
    Process second = ProcessorJvm.start(KAFKA.bootstrapServers(), config, "restart-test-second", Map.of());
    try {
      interrupted.awaitCaughtUp();
    } finally {
      second.destroy();
      second.waitFor();
    }

    // then both end with the same papers and the same counts. lastSeen is left out: it is
    // published only with a material change, so which sighting's time it shows depends on the
    // order sightings from different partitions arrive in, in any two runs, crash or not.
    Map<String, Paper> expectedPapers = SameTables.withoutLastSeen(
        TopicContents.table(KAFKA.bootstrapServers(), reference.topics.papers()));
    Map<String, KeywordCount> expectedCounts =
        TopicContents.table(KAFKA.bootstrapServers(), reference.topics.keywordDailyCounts());
    assertThat(expectedPapers).hasSizeGreaterThan(3_000);
    SameTables.assertSameTable("papers", SameTables.withoutLastSeen(TopicContents.table(KAFKA.bootstrapServers(), interrupted.topics.papers())),
        expectedPapers);
    SameTables.assertSameTable("keyword-daily-counts", TopicContents.table(KAFKA.bootstrapServers(), interrupted.topics.keywordDailyCounts()),
        expectedCounts);
  }

  private TestPipeline pipeline(String name) throws IOException {
    return new TestPipeline(KAFKA.bootstrapServers(), Files.createDirectories(work.resolve(name)));
  }

  private static void produce(TestPipeline pipeline, List<RawEntry> entries) {
    pipeline.createTopics();
    try (RawEntryProducer producer =
        RawEntryProducer.connect(KAFKA.bootstrapServers(), new Properties(), pipeline.topics)) {
      entries.forEach(producer::entry);
    }
  }

  private static long committedOnRawEntries(TestPipeline pipeline) throws Exception {
    return KafkaTestSupport.committedOn(KAFKA.bootstrapServers(), pipeline.applicationId, pipeline.topics.rawEntries().name());
  }
}
