package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.config.Settings;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.schemas.EmergenceKind;
import io.paperstream.schemas.EmergingKeyword;
import io.paperstream.schemas.KeywordEmergence;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code keyword-emerging} topic on an invented stream: the planted topics and nothing else. */
class EmergingTopologyTest {

  private static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-01");
  private static final int DAYS = 70;
  private static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1);
  private static final List<String> BACKGROUND = List.of("graph kernel", "sparse attention", "reef survey",
      "tidal model", "dune migration", "glacier melt", "lichen growth", "kelp forest", "sonar mapping",
      "harbour gauge", "estuary flow", "fjord current", "delta sediment", "moraine dating", "planner search",
      "lattice gas", "wave energy", "coastal erosion", "sea ice", "plankton bloom");

  @TempDir Path stateDir;

  private final Topics topics = Topics.defaults();
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawEntry> raw;
  private TestOutputTopic<String, KeywordEmergence> emerging;
  private int papers;

  @BeforeEach
  void startDriver() {
    Properties config = new ProcessorSettings(Settings.defaults()).streamsConfig("dummy:9092", new Properties());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(PaperTopology.buildTopology(topics, TopologyOptions.defaults()), config);
    raw = driver.createInputTopic(topics.rawEntries().name(),
        topics.rawEntries().keySerde().serializer(), topics.rawEntries().valueSerde().serializer());
    emerging = driver.createOutputTopic(topics.keywordEmerging().name(),
        topics.keywordEmerging().keySerde().deserializer(), topics.keywordEmerging().valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void findsThePlantedBurstAndTheNewTopicAndNothingElse() {
    // given 70 days of 10 papers a day, each with 3 of 20 background keywords drawn at random
    Random random = new Random(20260101);
    for (int day = 0; day < DAYS; day++) {
      for (int i = 0; i < 10; i++) {
        List<String> keywords = new ArrayList<>();
        while (keywords.size() < 3) {
          String keyword = BACKGROUND.get(random.nextInt(BACKGROUND.size()));
          if (!keywords.contains(keyword)) {
            keywords.add(keyword);
          }
        }
        send(FIRST_DAY.plusDays(day), keywords);
      }
      // and a rare keyword: one paper every two weeks ...
      if (day % 14 == 3 && FIRST_DAY.plusDays(day).isBefore(LAST_DAY.minusDays(6))) {
        send(FIRST_DAY.plusDays(day), List.of("ocean acoustic tomography", "sonar mapping"));
      }
    }
    // ... that bursts in the last week: 9 papers; and a keyword never seen before, in 5 papers
    for (int i = 0; i < 9; i++) {
      send(LAST_DAY.minusDays(i % 5), List.of("ocean acoustic tomography", "wave energy"));
    }
    for (int i = 0; i < 5; i++) {
      send(LAST_DAY.minusDays(i % 3), List.of("seagrass carbon ledger", "kelp forest"));
    }

    // when the emerging keywords are emitted
    driver.advanceWallClockTime(Duration.ofSeconds(2));
    Map<String, KeywordEmergence> byDate = emerging.readKeyValuesToMap();
    byDate.values().removeIf(Objects::isNull);

    // then on the last day both planted keywords emerge, the burst as a burst and the new one as new
    List<EmergingKeyword> last = byDate.get(LAST_DAY.toString()).getKeywords();
    assertThat(last).extracting(EmergingKeyword::getKeyword)
        .containsExactlyInAnyOrder("ocean acoustic tomography", "seagrass carbon ledger");
    EmergingKeyword burst = find(last, "ocean acoustic tomography");
    assertThat(burst.getKind()).isEqualTo(EmergenceKind.BURST);
    assertThat(burst.getCount()).isEqualTo(9);
    assertThat(burst.getBaseline()).isEqualTo(4);
    assertThat(burst.getPValue()).isLessThan(0.001);
    assertThat(find(last, "seagrass carbon ledger").getKind()).isEqualTo(EmergenceKind.NEW);
    // and on no date does any background keyword emerge, however its random count varied
    byDate.forEach((date, emergence) -> assertThat(emergence.getKeywords()).as(date)
        .extracting(EmergingKeyword::getKeyword)
        .isSubsetOf("ocean acoustic tomography", "seagrass carbon ledger"));
    // and the dates before the burst have none at all
    assertThat(byDate.keySet()).allSatisfy(date -> assertThat(LocalDate.parse(date)).isAfterOrEqualTo(LAST_DAY.minusDays(6)));
    // and the query store holds what the topic says
    assertThat(driver.<String, KeywordEmergence>getKeyValueStore(PaperTopology.EMERGING_STORE)
        .get(LAST_DAY.toString())).isEqualTo(byDate.get(LAST_DAY.toString()));
  }

  @Test
  void emittingOftenEndsWithTheSameTopicAsEmittingOnce() {
    // given the same invented stream, emitted after every 20 papers
    emitEvery = 20;
    findsThePlantedBurstAndTheNewTopicAndNothingElse();
    Map<String, KeywordEmergence> often = emergingOf(driver);
    driver.close();
    // and again, emitted once at the end, in a fresh driver
    startDriver();
    emitEvery = 0;
    papers = 0;
    findsThePlantedBurstAndTheNewTopicAndNothingElse();

    // then both topics hold the same emerging keywords for every date
    assertThat(often).isEqualTo(emergingOf(driver));
  }

  private Map<String, KeywordEmergence> emergingOf(TopologyTestDriver current) {
    Map<String, KeywordEmergence> table = new java.util.TreeMap<>();
    var store = current.<String, KeywordEmergence>getKeyValueStore(PaperTopology.EMERGING_STORE);
    try (var all = store.all()) {
      all.forEachRemaining(kv -> table.put(kv.key, kv.value));
    }
    return table;
  }

  private int emitEvery;

  private void send(LocalDate day, List<String> keywords) {
    papers++;
    String title = "Invented Paper Number " + papers + " on " + String.join(" and ", keywords);
    RawEntry entry = RawEntry.newBuilder(PaperTopologyTest.apiEntry(String.format("2601.%05d", papers), title, 1,
            "https://example.org/api/daily_papers?date=" + day))
        .setPublishedAt(day.atStartOfDay().toInstant(ZoneOffset.UTC))
        .setSourceKeywords(keywords)
        .build();
    raw.pipeInput(PaperKeys.provisionalKey(entry.getArxivId(), entry.getTitle()), entry);
    if (emitEvery > 0 && papers % emitEvery == 0) {
      driver.advanceWallClockTime(Duration.ofSeconds(2));
    }
  }

  private static EmergingKeyword find(List<EmergingKeyword> keywords, String keyword) {
    return keywords.stream().filter(k -> k.getKeyword().equals(keyword)).findFirst().orElseThrow();
  }
}
