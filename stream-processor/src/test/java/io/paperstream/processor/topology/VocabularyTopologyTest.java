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

  @Test
  void aFreshProcessorRanksWithTheShippedSeedFromItsFirstPaper() {
    // given a paper without keywords of its own, in a field the seed knows, read by a fresh
    // processor without the seed: it has learned nothing, so it ranks without vocabulary
    List<String> withoutSeed = keywordsOf(FIELD_TITLE, FIELD_ABSTRACT, false, "without-seed");

    // when a fresh processor with the seed (the default) reads the same paper
    List<String> withSeed = keywordsOf(FIELD_TITLE, FIELD_ABSTRACT, true, "with-seed");

    // then the seed's counts reached the ranker: the same text gets other keywords
    assertThat(withSeed).isNotEmpty().isNotEqualTo(withoutSeed);
  }

  private static final String FIELD_TITLE = "Ledger Tuning: Reinforcement Learning for Large Language Model Agents";
  private static final String FIELD_ABSTRACT = "Large language models struggle as agents over long horizons. "
      + "We propose Ledger Tuning, a reinforcement learning method that rewards each step of an agent with a "
      + "process reward model and keeps a memory of earlier trajectories. On three agent benchmarks, Ledger Tuning "
      + "improves the success rate of open models and lowers inference cost compared with chain-of-thought prompting.";

  private List<String> keywordsOfLaterPaper(boolean teachFirst) {
    return keywords(teachFirst, true, teachFirst ? "taught" : "untaught", TITLE, ABSTRACT);
  }

  private List<String> keywordsOf(String title, String abstractText, boolean seed, String dir) {
    return keywords(false, seed, dir, title, abstractText);
  }

  private List<String> keywords(boolean teachFirst, boolean seed, String dir, String title, String abstractText) {
    Properties config = new ProcessorSettings(Settings.defaults()).streamsConfig("dummy:9092", new Properties());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(dir).toString());
    TopologyOptions options = TopologyOptions.defaults().withSeedVocabulary(seed);
    try (TopologyTestDriver driver = new TopologyTestDriver(PaperTopology.buildTopology(topics, options), config)) {
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
      RawEntry later = RawEntry.newBuilder(PaperTopologyTest.apiEntry("2601.09999", title, 1, "https://example.org/later"))
          .setAbstract$(abstractText)
          .build();
      papers.readRecordsToList();
      raw.pipeInput(PaperKeys.provisionalKey(later.getArxivId(), later.getTitle()), later);
      return papers.readRecordsToList().get(0).value().getKeywords();
    }
  }
}
