package io.paperstream.processor.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperstream.schemas.AvroSerde;
import io.paperstream.schemas.KeywordDelta;
import io.paperstream.schemas.KeywordDeltas;
import io.paperstream.schemas.KeywordTrend;
import io.paperstream.schemas.TrendingKeyword;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendProcessorTest {

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, KeywordDeltas> deltas;
  private TestOutputTopic<String, KeywordTrend> trends;

  @BeforeEach
  void start() {
    TrendProcessor.Stores stores = new TrendProcessor.Stores("by-keyword", "by-date", "dirty");
    Topology topology = new Topology();
    AvroSerde<KeywordDeltas> deltaSerde = AvroSerde.forType(KeywordDeltas.class);
    topology.addSource("deltas", Serdes.String().deserializer(), deltaSerde.deserializer(), "deltas");
    topology.addProcessor("count", () -> new KeywordCounter("by-keyword", "by-date"), "deltas");
    topology.addProcessor("trend", () -> new TrendProcessor(stores, 2, 1, Duration.ofSeconds(1)), "count");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("by-keyword"), Serdes.String(), Serdes.Long()), "count", "trend");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("by-date"), Serdes.String(), Serdes.Long()), "count", "trend");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("dirty"), Serdes.String(), Serdes.String()), "trend");
    AvroSerde<KeywordTrend> trendSerde = AvroSerde.forType(KeywordTrend.class);
    topology.addSink("trends", "trends", Serdes.String().serializer(), trendSerde.serializer(), "trend");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-test");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, config);
    deltas = driver.createInputTopic("deltas", Serdes.String().serializer(), deltaSerde.serializer());
    trends = driver.createOutputTopic("trends", Serdes.String().deserializer(), trendSerde.deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void handComputedExample() {
    // given daily counts of "lattice" (4 papers 10 days before D, 1 two days before, 2 on D)
    // and of "gauge" (5 papers on D, nothing before), with D = 2026-03-20
    count("lattice", "2026-03-10", 4);
    count("lattice", "2026-03-18", 1);
    count("lattice", "2026-03-20", 2);
    count("gauge", "2026-03-20", 5);
    count("tide", "2026-03-20", 1);

    // when the trends are emitted
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    Map<String, KeywordTrend> byDate = trends.readKeyValuesToMap();

    // then on D the top 2 are gauge (count 5) then lattice (count 2), tide is cut
    KeywordTrend trend = byDate.get("2026-03-20");
    assertThat(trend.getKeywords()).extracting(TrendingKeyword::getKeyword).containsExactly("gauge", "lattice");
    // gauge: 7-day 5, baseline 0 -> growth (5+1)/(0/4+1) = 6
    TrendingKeyword gauge = trend.getKeywords().get(0);
    assertThat(gauge.getCount7d()).isEqualTo(5);
    assertThat(gauge.getBaseline28d()).isZero();
    assertThat(gauge.getGrowth()).isCloseTo(6.0, within(1e-9));
    // lattice: 7-day = Mar 14..20 = 1 + 2 = 3; baseline = Feb 14..Mar 13 = 4 -> (3+1)/(4/4+1) = 2
    TrendingKeyword lattice = trend.getKeywords().get(1);
    assertThat(lattice.getCount()).isEqualTo(2);
    assertThat(lattice.getCount7d()).isEqualTo(3);
    assertThat(lattice.getBaseline28d()).isEqualTo(4);
    assertThat(lattice.getGrowth()).isCloseTo(2.0, within(1e-9));
    // and the earlier dates have trends of their own
    assertThat(byDate.get("2026-03-10").getKeywords().get(0).getCount7d()).isEqualTo(4);
  }

  @Test
  void aRetractedCountUpdatesLaterDatesToo() {
    // given a keyword on two dates in one week
    count("lattice", "2026-03-18", 1);
    count("lattice", "2026-03-20", 2);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(trends.readKeyValuesToMap().get("2026-03-20").getKeywords().get(0).getCount7d()).isEqualTo(3);

    // when the earlier count is retracted
    count("lattice", "2026-03-18", -1);
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    // then the earlier date's trend is deleted and the later date's 7-day count drops
    Map<String, KeywordTrend> byDate = trends.readKeyValuesToMap();
    assertThat(byDate).containsKey("2026-03-18");
    assertThat(byDate.get("2026-03-18")).isNull();
    assertThat(byDate.get("2026-03-20").getKeywords().get(0).getCount7d()).isEqualTo(2);
  }

  /** Moves the count of {@code keyword} on {@code date} by {@code delta} papers, as a paper change does. */
  private void count(String keyword, String date, int delta) {
    this.deltas.pipeInput("paper", deltas(keyword, date, delta));
  }

  private static KeywordDeltas deltas(String keyword, String date, int delta) {
    return new KeywordDeltas("paper", List.of(new KeywordDelta(keyword, LocalDate.parse(date), delta)));
  }

  @Test
  void aKeywordBelowTheMinimumSupportNeverTrends() {
    // given a processor that needs 3 papers in the 7-day window, and stores of its own
    TrendProcessor.Stores stores = new TrendProcessor.Stores("k", "d", "x");
    AvroSerde<KeywordDeltas> deltaSerde = AvroSerde.forType(KeywordDeltas.class);
    Topology topology = new Topology();
    topology.addSource("deltas", Serdes.String().deserializer(), deltaSerde.deserializer(), "deltas");
    topology.addProcessor("count", () -> new KeywordCounter("k", "d"), "deltas");
    topology.addProcessor("trend", () -> new TrendProcessor(stores, 10, 3, Duration.ofSeconds(1)), "count");
    for (String store : List.of("k", "d")) {
      topology.addStateStore(Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.Long()), "count", "trend");
    }
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("x"), Serdes.String(), Serdes.String()), "trend");
    AvroSerde<KeywordTrend> trendSerde = AvroSerde.forType(KeywordTrend.class);
    topology.addSink("trends", "trends", Serdes.String().serializer(), trendSerde.serializer(), "trend");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-support-test");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("support").toString());
    try (TopologyTestDriver supported = new TopologyTestDriver(topology, config)) {
      TestInputTopic<String, KeywordDeltas> in = supported.createInputTopic("deltas", Serdes.String().serializer(),
          deltaSerde.serializer());
      TestOutputTopic<String, KeywordTrend> out = supported.createOutputTopic("trends", Serdes.String().deserializer(),
          trendSerde.deserializer());

      // when a one-paper phrase, a two-paper one and one with 1 + 2 papers over the week are counted
      in.pipeInput("p", deltas("carried concomitant improvement", "2026-03-20", 1));
      in.pipeInput("p", deltas("tide gauge", "2026-03-20", 2));
      in.pipeInput("p", deltas("storm surge", "2026-03-17", 1));
      in.pipeInput("p", deltas("storm surge", "2026-03-20", 2));
      supported.advanceWallClockTime(Duration.ofSeconds(1));

      // then only the keyword with 3 papers in its window trends
      KeywordTrend trend = out.readKeyValuesToMap().get("2026-03-20");
      assertThat(trend.getKeywords()).extracting(TrendingKeyword::getKeyword).containsExactly("storm surge");
    }
  }

  @Test
  void growthFormula() {
    assertThat(TrendScore.growth(0, 0)).isEqualTo(1.0);
    assertThat(TrendScore.growth(3, 4)).isEqualTo(2.0);
    assertThat(TrendScore.growth(1, 8)).isCloseTo(2.0 / 3.0, within(1e-12));
  }
}
