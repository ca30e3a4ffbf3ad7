package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.processor.topology.PaperIndex;
import io.paperstream.schemas.RawEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper index has no changelog: on a real broker, after a clean restart, after its state
 * directory is wiped, and when its tasks come back to an instance whose copy of them is behind
 * (another instance processed more meanwhile), it holds exactly what the papers store says.
 */
class PaperIndexRestartTest {

  @TempDir Path work;

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void theIndexIsThatOfThePapersAfterARestartAWipeAndATaskComingBackBehind() throws Exception {
    // given a processor that has indexed the first half of the entries
    Path here = work.resolve("here");
    Path elsewhere = work.resolve("elsewhere");
    TestPipeline pipeline = new TestPipeline(KAFKA.bootstrapServers(), here);
    List<RawEntry> entries = SyntheticEntries.generate(300, 7);
    pipeline.createTopics();
    produce(pipeline, entries.subList(0, entries.size() / 2));
    List<String> first = indexAfterCatchingUp(pipeline, here);
    assertThat(first).anyMatch(line -> line.startsWith("n\u0000"));

    // when it restarts on its state directory, then on a wiped one
    List<String> restarted = indexAfterCatchingUp(pipeline, here);
    deleteRecursively(here.resolve(pipeline.applicationId));
    List<String> wiped = indexAfterCatchingUp(pipeline, here);

    // then the index is the same each time
    assertThat(restarted).isEqualTo(first);
    assertThat(wiped).isEqualTo(first);

    // when another instance (its own state directory) processes the second half, and the tasks
    // then come back to the first instance, whose copy of them is behind
    produce(pipeline, entries.subList(entries.size() / 2, entries.size()));
    List<String> other = indexAfterCatchingUp(pipeline, elsewhere);
    List<String> back = indexAfterCatchingUp(pipeline, here);

    // then the first instance's index is rebuilt to the other's, which counts every paper
    assertThat(back).isEqualTo(other).isNotEqualTo(first);
    long papers = TopicContents.table(KAFKA.bootstrapServers(), pipeline.topics.papers()).size();
    assertThat(other.stream().filter(line -> line.startsWith("n\u0000"))
        .mapToLong(line -> Long.parseLong(line.substring(line.indexOf('=') + 1))).sum()).isEqualTo(papers);
  }

  /** A processor on {@code stateDir} until caught up: its whole index, one sorted "key=value" line per key. */
  private static List<String> indexAfterCatchingUp(TestPipeline pipeline, Path stateDir) {
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings);
        PaperProcessor processor = PaperProcessor.start(cluster,
            pipeline.settings.with(ProcessorSettings.STATE_DIR_KEY, stateDir.toString()))) {
      pipeline.awaitCaughtUp();
      AtomicReference<List<String>> index = new AtomicReference<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreException(
          InvalidStateStoreException.class).until(() -> {
            index.set(contents(processor.streams()));
            return true;
          });
      return index.get();
    }
  }

  /** Every partition's keys: the counts repeat across partitions, so a list, not a map. */
  private static List<String> contents(KafkaStreams streams) {
    List<String> lines = new ArrayList<>();
    try (KeyValueIterator<String, String> all = streams.store(StoreQueryParameters.fromNameAndType(PaperIndex.STORE,
        QueryableStoreTypes.<String, String>keyValueStore())).all()) {
      all.forEachRemaining(kv -> lines.add(kv.key + "=" + kv.value));
    }
    lines.sort(Comparator.naturalOrder());
    return lines;
  }

  private static void produce(TestPipeline pipeline, List<RawEntry> entries) {
    try (RawEntryProducer producer = RawEntryProducer.connect(pipeline.bootstrapServers, new Properties(),
        pipeline.topics)) {
      entries.forEach(producer::entry);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
