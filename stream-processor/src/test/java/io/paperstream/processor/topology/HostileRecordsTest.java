package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.config.Settings;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.processor.search.SearchPapers;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records another client could write to the topics the processor reads (raw entries, sightings):
 * none of them stops the stream or costs the good entry after it.
 */
class HostileRecordsTest {

  @TempDir Path stateDir;

  private final Topics topics = Topics.defaults();

  @ParameterizedTest
  @ValueSource(strings = {"raw-null-value", "raw-null-key", "raw-garbage", "sightings-null-value",
      "sightings-null-key", "sightings-garbage", "sightings-raw-entry"})
  void aHostileRecordNeitherStopsTheStreamNorCostsTheNextEntry(String hostile) {
    Properties config = new ProcessorSettings(Settings.defaults()).streamsConfig("dummy:9092", new Properties());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(
        PaperTopology.buildTopology(topics, TopologyOptions.defaults()), config)) {
      TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topics.rawEntries().name(),
          Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
      TestInputTopic<byte[], byte[]> sightings = driver.createInputTopic(topics.sightings().name(),
          Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
      TestOutputTopic<String, Paper> papers = driver.createOutputTopic(topics.papers().name(),
          topics.papers().keySerde().deserializer(), topics.papers().valueSerde().deserializer());
      TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(topics.processingDeadLetters().name(),
          Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
      RawEntry good = PaperTopologyTest.apiEntry("2601.04444", "Harbour Gauges at Dusk", 1, "https://example.org/d");
      byte[] goodKey = PaperKeys.provisionalKey(good.getArxivId(), good.getTitle()).getBytes(StandardCharsets.UTF_8);
      byte[] goodValue = topics.rawEntries().valueSerde().serializer().serialize("t", good);
      byte[] key = "2601.03333".getBytes(StandardCharsets.UTF_8);
      byte[] garbage = "{not avro at all".getBytes(StandardCharsets.UTF_8);

      // given a hostile record
      switch (hostile) {
        case "raw-null-value" -> raw.pipeInput(key, (byte[]) null);
        case "raw-null-key" -> raw.pipeInput(null, topics.rawEntries().valueSerde().serializer().serialize("t",
            PaperTopologyTest.apiEntry("2601.03333", "Tidal Ledgers", 1, "https://example.org/d")));
        case "raw-garbage" -> raw.pipeInput(key, garbage);
        case "sightings-null-value" -> sightings.pipeInput(key, (byte[]) null);
        case "sightings-null-key" -> sightings.pipeInput(null, topics.sightings().valueSerde().serializer()
            .serialize("t", SearchPapers.paper("2601.05555", "Tidal Ledgers", "An abstract.", null)));
        case "sightings-garbage" -> sightings.pipeInput(key, garbage);
        case "sightings-raw-entry" -> sightings.pipeInput(key, goodValue);
        default -> throw new IllegalArgumentException(hostile);
      }

      // when a good entry follows
      raw.pipeInput(goodKey, goodValue);

      // then the good entry is a paper, and so is a record that only lacked a key (its paper id
      // comes from its value)
      List<String> expected = switch (hostile) {
        case "raw-null-key" -> List.of("2601.03333", "2601.04444");
        case "sightings-null-key" -> List.of("2601.05555", "2601.04444");
        default -> List.of("2601.04444");
      };
      assertThat(papers.readKeyValuesToMap().keySet()).containsExactlyInAnyOrderElementsOf(expected);
      // and what was dead-lettered says what was wrong with it, not where the code tripped
      assertThat(deadLetters.readRecordsToList()).allSatisfy(letter -> assertThat(
          new String(letter.headers().lastHeader("__streams.errors.exception").value(), StandardCharsets.UTF_8))
          .doesNotContain("NullPointerException"));
    }
  }
}
