package io.paperstream.processor.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperstream.schemas.AvroSerde;
import io.paperstream.schemas.KeywordTrend;
import io.paperstream.schemas.TrendingKeyword;
import java.nio.file.Path;
import java.time.Duration;
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
  private TestInputTopic<String, Long> counts;
  private TestOutputTopic<String, KeywordTrend> trends;

  @BeforeEach
  void start() {
    TrendProcessor.Stores stores = new TrendProcessor.Stores("by-keyword", "by-date", "dirty");
    Topology topology = new Topology();
    topology.addSource("counts", Serdes.String().deserializer(), Serdes.Long().deserializer(), "counts");
    topology.addProcessor("trend", () -> new TrendProcessor(stores, 2, Duration.ofSeconds(1)), "counts");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("by-keyword"), Serdes.String(), Serdes.Long()), "trend");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("by-date"), Serdes.String(), Serdes.Long()), "trend");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("dirty"), Serdes.String(), Serdes.String()), "trend");
    AvroSerde<KeywordTrend> trendSerde = AvroSerde.forType(KeywordTrend.class);
    topology.addSink("trends", "trends", Serdes.String().serializer(), trendSerde.serializer(), "trend");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-test");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, config);
    counts = driver.createInputTopic("counts", Serdes.String().serializer(), Serdes.Long().serializer());
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
    counts.pipeInput("lattice|2026-03-10", 4L);
    counts.pipeInput("lattice|2026-03-18", 1L);
    counts.pipeInput("lattice|2026-03-20", 2L);
    counts.pipeInput("gauge|2026-03-20", 5L);
    counts.pipeInput("tide|2026-03-20", 1L);

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
    counts.pipeInput("lattice|2026-03-18", 1L);
    counts.pipeInput("lattice|2026-03-20", 2L);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(trends.readKeyValuesToMap().get("2026-03-20").getKeywords().get(0).getCount7d()).isEqualTo(3);

    // when the earlier count is retracted
    counts.pipeInput("lattice|2026-03-18", null);
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    // then the earlier date's trend is deleted and the later date's 7-day count drops
    Map<String, KeywordTrend> byDate = trends.readKeyValuesToMap();
    assertThat(byDate).containsKey("2026-03-18");
    assertThat(byDate.get("2026-03-18")).isNull();
    assertThat(byDate.get("2026-03-20").getKeywords().get(0).getCount7d()).isEqualTo(2);
  }

  @Test
  void aKeywordBelowTheMinimumSupportNeverTrends() {
    // given a processor that needs 3 papers in the 7-day window, and a trend store of its own
    TrendProcessor.Stores stores = new TrendProcessor.Stores("k", "d", "x");
    Topology topology = new Topology();
    topology.addSource("counts", Serdes.String().deserializer(), Serdes.Long().deserializer(), "counts");
    topology.addProcessor("trend", () -> new TrendProcessor(stores, 10, 3, Duration.ofSeconds(1)), "counts");
    for (String store : List.of("k", "d")) {
      topology.addStateStore(Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.Long()), "trend");
    }
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("x"), Serdes.String(), Serdes.String()), "trend");
    AvroSerde<KeywordTrend> trendSerde = AvroSerde.forType(KeywordTrend.class);
    topology.addSink("trends", "trends", Serdes.String().serializer(), trendSerde.serializer(), "trend");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-support-test");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("support").toString());
    try (TopologyTestDriver supported = new TopologyTestDriver(topology, config)) {
      TestInputTopic<String, Long> in = supported.createInputTopic("counts", Serdes.String().serializer(),
          Serdes.Long().serializer());
      TestOutputTopic<String, KeywordTrend> out = supported.createOutputTopic("trends", Serdes.String().deserializer(),
          trendSerde.deserializer());

      // when a one-paper phrase, a two-paper one and one with 1 + 2 papers over the week are counted
      in.pipeInput("carried concomitant improvement|2026-03-20", 1L);
      in.pipeInput("tide gauge|2026-03-20", 2L);
      in.pipeInput("storm surge|2026-03-17", 1L);
      in.pipeInput("storm surge|2026-03-20", 2L);
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
