package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.config.Settings;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topics;
import io.paperstream.schemas.PaperKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary topic is an ordinary compacted topic: a record another client wrote there that
 * is not a count must never cost a paper (stored, it failed the enrichment of every paper that
 * offered its phrase, each then dead-lettered).
 */
class VocabularyPoisonTest {

  @TempDir Path stateDir;

  private final Topics topics = Topics.defaults();

  @Test
  void aRecordOfTheVocabularyTopicThatIsNotACountIsSkippedAndPapersOfferingItsPhraseArePublished() {
    Properties config = new ProcessorSettings(Settings.defaults()).streamsConfig("dummy:9092", new Properties());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(
        PaperTopology.buildTopology(topics, TopologyOptions.defaults()), config)) {
      TestInputTopic<String, String> vocabularyTopic = driver.createInputTopic(topics.keywordVocabulary().name(),
          Serdes.String().serializer(), Serdes.String().serializer());
      TestInputTopic<String, RawEntry> raw = driver.createInputTopic(topics.rawEntries().name(),
          topics.rawEntries().keySerde().serializer(), topics.rawEntries().valueSerde().serializer());
      TestOutputTopic<String, Paper> papers = driver.createOutputTopic(topics.papers().name(),
          topics.papers().keySerde().deserializer(), topics.papers().valueSerde().deserializer());
      KeyValueStore<String, String> vocabulary = driver.getKeyValueStore(VocabularyTopology.VOCABULARY_STORE);

      // given a phrase with counts, then records on the vocabulary topic, written by another
      // client, that are not counts: for that phrase, for another one, and without a phrase
      vocabularyTopic.pipeInput("tide gauge", "3 7");
      vocabularyTopic.pipeInput("tide gauge", "many");
      vocabularyTopic.pipeInput("harbour gauge", "2 x");
      vocabularyTopic.pipeInput(null, "1 1");

      // when a paper without keywords of its own offers both phrases
      RawEntry entry = RawEntry.newBuilder(PaperTopologyTest.apiEntry("2601.07777", "Harbour Gauges at Dawn", 1,
              "https://example.org/day"))
          .setAbstract$("We read harbour gauges and tide gauges at dawn and log what each harbour gauge says.")
          .build();
      raw.pipeInput(PaperKeys.provisionalKey(entry.getArxivId(), entry.getTitle()), entry);

      // then the paper is published with keywords, not dead-lettered
      assertThat(papers.readValuesToList()).singleElement().satisfies(paper -> {
        assertThat(paper.getPaperId()).isEqualTo("2601.07777");
        assertThat(paper.getKeywords()).isNotEmpty();
      });
      // and the store holds only counts: the phrase keeps the counts it had, the other has none
      assertThat(vocabulary.get("tide gauge")).isEqualTo("3 7");
      assertThat(vocabulary.get("harbour gauge")).isNull();
    }
  }

  @Test
  void aCountIsTwoWholeNumbersWithOneSpace() {
    assertThat(List.of("0 0", "3 7", "12 345", "999999999999999999 1"))
        .allSatisfy(value -> assertThat(VocabularyCounts.isCount(value)).as(value).isTrue());
    assertThat(List.of("", " ", "many", "3", "3 ", " 7", "3  7", "-3 7", "3 -7", "3 7 1", "3.0 7", "x 7",
            "9999999999999999999 1"))
        .allSatisfy(value -> assertThat(VocabularyCounts.isCount(value)).as(value).isFalse());
  }
}
