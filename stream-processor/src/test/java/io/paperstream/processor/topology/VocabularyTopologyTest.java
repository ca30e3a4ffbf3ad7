package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.config.Settings;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vocabulary learned from papers' own keywords changes the keywords of later papers without any. */
class VocabularyTopologyTest {

  private static final String TITLE = "Harbour Gauges Meet Tidal Forecasting";
  private static final String ABSTRACT = "We study harbour gauges and tidal forecasting with a brine ledger. "
      + "Harbour gauges drift; tidal forecasting suffers. Our brine ledger keeps harbour gauges honest, "
      + "and tidal forecasting improves on four coasts.";

  @TempDir Path stateDir;

  private final Topics topics = Topics.defaults();

  @Test
  void keywordsChosenByEarlierPapersRankAPhraseHigherForALaterPaperWithoutKeywords() {
    // given the later paper, processed by a processor that has learned nothing
    List<String> untaught = keywordsOfLaterPaper(false);

    // when the processor first reads 60 papers whose own keywords name "coasts"
    List<String> taught = keywordsOfLaterPaper(true);

    // then the later paper, which carries no keywords and says "coasts" once, at the end, ranks it
    // higher than before
    assertThat(taught).contains("coast");
    int before = untaught.indexOf("coast");
    assertThat(before == -1 || taught.indexOf("coast") < before)
        .as("untaught %s, taught %s", untaught, taught).isTrue();
    assertThat(taught).isNotEqualTo(untaught);
  }

  private List<String> keywordsOfLaterPaper(boolean teachFirst) {
    Properties config = new ProcessorSettings(Settings.defaults()).streamsConfig("dummy:9092", new Properties());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(teachFirst ? "taught" : "untaught").toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(
        PaperTopology.buildTopology(topics, new PaperTopology.Options(15, 25, Duration.ofSeconds(1))), config)) {
      TestInputTopic<String, RawEntry> raw = driver.createInputTopic(topics.rawEntries().name(),
          topics.rawEntries().keySerde().serializer(), topics.rawEntries().valueSerde().serializer());
      TestOutputTopic<String, Paper> papers = driver.createOutputTopic(topics.papers().name(),
          topics.papers().keySerde().deserializer(), topics.papers().valueSerde().deserializer());
      if (teachFirst) {
        for (int i = 0; i < 60; i++) {
          RawEntry teacher = RawEntry.newBuilder(PaperTopologyTest.apiEntry(String.format("2601.%05d", i + 100),
                  "Ledger Study " + i, 1, "https://example.org/teach"))
              .setAbstract$("A brine ledger for coast number " + i + " and its tide tables.")
              .setSourceKeywords(List.of("coasts", "tide tables"))
              .build();
          raw.pipeInput(PaperKeys.provisionalKey(teacher.getArxivId(), teacher.getTitle()), teacher);
        }
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        KeyValueStore<String, String> vocabulary = driver.getKeyValueStore(VocabularyTopology.VOCABULARY_STORE);
        assertThat(vocabulary.get("coast")).startsWith("60 ");
        assertThat(vocabulary.get("")).startsWith("60 ");
      }
      RawEntry later = RawEntry.newBuilder(PaperTopologyTest.apiEntry("2601.09999", TITLE, 1, "https://example.org/later"))
          .setAbstract$(ABSTRACT)
          .build();
      papers.readRecordsToList();
      raw.pipeInput(PaperKeys.provisionalKey(later.getArxivId(), later.getTitle()), later);
      return papers.readRecordsToList().get(0).value().getKeywords();
    }
  }
}
