package io.paperstream.processor.topology;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.config.Settings;
import io.paperstream.schemas.KeywordCount;
import io.paperstream.schemas.KeywordTrend;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import io.paperstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperTopologyTest {

  private static final String TITLE = "Sparse Lattice Transformers for Tidal Forecasting";
  private static final String ABSTRACT = "We introduce sparse lattice transformers, which forecast tides "
      + "from harbour gauges. Sparse lattice transformers beat recurrent baselines on tidal forecasting.";

  @TempDir Path stateDir;

  private final Topics topics = Topics.defaults();
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawEntry> raw;
  private TestOutputTopic<String, Paper> papers;
  private TestOutputTopic<String, KeywordCount> counts;
  private TestOutputTopic<String, KeywordTrend> trends;

  @BeforeEach
  void startDriver() {
    Properties config = new ProcessorSettings(Settings.defaults()).streamsConfig("dummy:9092", new Properties());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(
        PaperTopology.buildTopology(topics, TopologyOptions.defaults().withKeywordsPerPaper(12).withTrendMinSupport(1)), config);
    raw = driver.createInputTopic(topics.rawEntries().name(),
        topics.rawEntries().keySerde().serializer(), topics.rawEntries().valueSerde().serializer());
    papers = driver.createOutputTopic(topics.papers().name(),
        topics.papers().keySerde().deserializer(), topics.papers().valueSerde().deserializer());
    counts = driver.createOutputTopic(topics.keywordDailyCounts().name(),
        topics.keywordDailyCounts().keySerde().deserializer(), topics.keywordDailyCounts().valueSerde().deserializer());
    trends = driver.createOutputTopic(topics.keywordTrends().name(),
        topics.keywordTrends().keySerde().deserializer(), topics.keywordTrends().valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void samePageTwiceEmitsOneRecord() {
    // given an API entry
    RawEntry entry = apiEntry("2601.00001", TITLE, 5, "https://example.org/api/daily_papers?date=2026-01-02");

    // when the same page is read twice
    send(entry);
    send(entry);

    // then one paper record was emitted
    List<TestRecord<String, Paper>> emitted = papers.readRecordsToList();
    assertThat(emitted).hasSize(1);
    Paper paper = emitted.get(0).value();
    assertThat(emitted.get(0).key()).isEqualTo("2601.00001");
    assertThat(paper.getPaperId()).isEqualTo("2601.00001");
    assertThat(paper.getArxivUrl()).isEqualTo("https://arxiv.org/abs/2601.00001");
    assertThat(paper.getSightings()).isEqualTo(1);
    assertThat(paper.getKeywords()).isNotEmpty();
  }

  @Test
  void changedUpvotesEmitOneUpdate() {
    // given a paper already recorded
    String page = "https://example.org/api/daily_papers?date=2026-01-02";
    send(apiEntry("2601.00001", TITLE, 5, page));
    papers.readRecordsToList();

    // when the same page is polled again with more upvotes, and then once more unchanged
    RawEntry polledAgain = RawEntry.newBuilder(apiEntry("2601.00001", TITLE, 9, page))
        .setFetchedAt(Instant.parse("2026-01-02T12:00:00Z")).build();
    send(polledAgain);
    send(polledAgain);

    // then exactly one update, carrying the new count and the later sighting time
    List<TestRecord<String, Paper>> updates = papers.readRecordsToList();
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).value().getUpvotes()).isEqualTo(9);
    assertThat(updates.get(0).value().getLastSeen()).isEqualTo(Instant.parse("2026-01-02T12:00:00Z"));
    assertThat(updates.get(0).value().getSightings()).isEqualTo(1);
  }

  @Test
  void aRawEntrysAiSummaryReachesThePaperRecord() {
    // given an API entry whose page gives a one-sentence summary, with a hard wrap
    RawEntry entry = RawEntry.newBuilder(apiEntry("2601.00001", TITLE, 5, "https://example.org/api/daily_papers?date=2026-01-02"))
        .setAiSummary("Sparse lattice transformers forecast tides\n  from harbour gauges.")
        .build();

    // when it is processed
    send(entry);

    // then the paper record on papers carries the summary, normalized
    List<TestRecord<String, Paper>> emitted = papers.readRecordsToList();
    assertThat(emitted).singleElement().satisfies(record -> {
      assertThat(record.key()).isEqualTo("2601.00001");
      assertThat(record.value().getAiSummary()).isEqualTo("Sparse lattice transformers forecast tides from harbour gauges.");
    });
  }

  @Test
  void textSightingThenApiSightingEndAsOneRecord() {
    // given a paper first seen on a text page, which gives no arXiv id
    send(textEntry(TITLE, "file:///pages/search.txt"));
    String titleKey = PaperKeys.TITLE_PREFIX + PaperKeys.titleFingerprint(TITLE);

    // when an API page gives the same paper with its id
    send(apiEntry("2601.00001", TITLE, 3, "https://example.org/api/daily_papers?date=2026-01-02"));

    // then the table holds one record, under the id, that knows both pages
    Map<String, Paper> table = papers.readKeyValuesToMap();
    assertThat(table).containsKey(titleKey);
    assertThat(table.get(titleKey)).as("title key retired by a tombstone").isNull();
    Paper paper = table.get("2601.00001");
    assertThat(paper.getSightings()).isEqualTo(2);
    assertThat(paper.getSources()).containsExactlyInAnyOrder(
        "file:///pages/search.txt", "https://example.org/api/daily_papers?date=2026-01-02");
    assertThat(nonNull(table)).hasSize(1);
  }

  @Test
  void theIndexHoldsEachPaperOnceUnderItsIdAfterAHandOver() {
    // given a paper first seen without an id, then with one, and a second paper of another date
    send(textEntry(TITLE, "file:///pages/search.txt"));
    send(apiEntry("2601.00001", TITLE, 3, "https://example.org/api/daily_papers?date=2026-01-02"));
    send(RawEntry.newBuilder(apiEntry("2601.00002", "Gauge Fields on Harbour Graphs", 1,
        "https://example.org/api/daily_papers?date=2026-01-02")).setPublishedAt(Instant.parse("2025-12-31T00:00:00Z"))
        .build());

    // when the index is read newest first
    org.apache.kafka.streams.state.KeyValueStore<String, String> index = driver.getKeyValueStore(PaperIndex.STORE);
    List<String> newest = new java.util.ArrayList<>();
    try (var all = index.reverseRange(PaperIndex.lower(null, null), PaperIndex.upper(null, null))) {
      all.forEachRemaining(kv -> newest.add(kv.value));
    }

    // then each paper is listed once, under its id, newest published first; the counts per date are exact
    assertThat(newest).containsExactly("2601.00002", "2601.00001");
    assertThat(index.get(PaperIndex.countsLower() + "2025-12-30")).isEqualTo("1");
    assertThat(index.get(PaperIndex.countsLower() + "2025-12-31")).isEqualTo("1");
    // and each keyword of the first paper finds it, and only it, on its date
    Paper paper = driver.<String, Paper>getKeyValueStore(PaperTopology.PAPERS_STORE).get("2601.00001");
    for (String keyword : paper.getKeywords()) {
      List<String> ofKeyword = new java.util.ArrayList<>();
      try (var hits = index.range(PaperIndex.lower(keyword, LocalDate.parse("2025-12-30")),
          PaperIndex.upper(keyword, LocalDate.parse("2025-12-30")))) {
        hits.forEachRemaining(kv -> ofKeyword.add(kv.value));
      }
      assertThat(ofKeyword).as(keyword).containsExactly("2601.00001");
      // and the keyword's paper count holds each paper once (not the retired title key too)
      long papersWithIt = java.util.stream.Stream.of("2601.00001", "2601.00002")
          .filter(id -> driver.<String, Paper>getKeyValueStore(PaperTopology.PAPERS_STORE).get(id).getKeywords()
              .contains(keyword)).count();
      assertThat(index.get(PaperIndex.frequencyKey(keyword))).as(keyword).isEqualTo(String.valueOf(papersWithIt));
    }
  }

  @Test
  void apiSightingThenTextSightingGoStraightToTheId() {
    send(apiEntry("2601.00001", TITLE, 3, "https://example.org/api/daily_papers?date=2026-01-02"));

    send(textEntry(TITLE.toUpperCase(), "file:///pages/search.txt"));

    Map<String, Paper> table = papers.readKeyValuesToMap();
    assertThat(table.keySet()).containsExactly("2601.00001");
    assertThat(table.get("2601.00001").getSightings()).isEqualTo(2);
  }

  @Test
  void countsFollowARecordWhoseKeywordsChange() {
    // given a paper whose page supplies one keyword
    String page = "https://example.org/api/daily_papers?date=2026-01-02";
    send(RawEntry.newBuilder(apiEntry("2601.00001", TITLE, 1, page))
        .setSourceKeywords(List.of("harbour gauges")).build());
    String harbour = "harbour gauge|2025-12-30";
    assertThat(counts.readKeyValuesToMap().get(harbour).getCount()).isEqualTo(1);

    // when a later page corrects its title and abstract, and supplies other keywords
    send(RawEntry.newBuilder(apiEntry("2601.00001", TITLE, 1, page + "&v=2"))
        .setFetchedAt(Instant.parse("2026-01-03T08:00:00Z"))
        .setTitle("Quantum Cribbage Solvers")
        .setAbstract$("Quantum cribbage solvers count hands.")
        .setSourceKeywords(List.of("cribbage solvers"))
        .build());

    // then the lost keyword's count is retracted (a tombstone) and the new one counts once
    Map<String, KeywordCount> after = counts.readKeyValuesToMap();
    assertThat(after).containsKey(harbour);
    assertThat(after.get(harbour)).isNull();
    assertThat(after.get("cribbage solver|2025-12-30").getCount()).isEqualTo(1);
    assertThat(after.values()).allSatisfy(c -> assertThat(c == null || c.getCount() == 1).isTrue());
    // and the paper index's keyword paper counts moved the same way
    var index = driver.<String, String>getKeyValueStore(PaperIndex.STORE);
    assertThat(index.get(PaperIndex.frequencyKey("harbour gauge"))).isNull();
    assertThat(index.get(PaperIndex.frequencyKey("cribbage solver"))).isEqualTo("1");
  }

  @Test
  void theIndexCountsThePapersOfEachKeyword() {
    // given two papers sharing a keyword, one with a keyword of its own
    send(RawEntry.newBuilder(apiEntry("2601.00001", TITLE, 1, "https://example.org/a"))
        .setSourceKeywords(List.of("tidal forecasting", "harbour gauges")).build());
    send(RawEntry.newBuilder(apiEntry("2601.00002", "Harbour Gauges at Scale", 1, "https://example.org/a"))
        .setAbstract$("Gauges.").setSourceKeywords(List.of("Tidal Forecasting")).build());

    // when the index's keyword counts are read
    var index = driver.<String, String>getKeyValueStore(PaperIndex.STORE);

    // then each keyword counts its distinct papers
    assertThat(index.get(PaperIndex.frequencyKey("tidal forecasting"))).isEqualTo("2");
    assertThat(index.get(PaperIndex.frequencyKey("harbour gauge"))).isEqualTo("1");
  }

  @Test
  void countsAreDistinctPapersNotSightings() {
    // given two papers sharing a page-supplied keyword on one date, one of them seen twice
    send(RawEntry.newBuilder(apiEntry("2601.00001", TITLE, 1, "https://example.org/a"))
        .setSourceKeywords(List.of("tidal forecasting")).build());
    send(RawEntry.newBuilder(apiEntry("2601.00001", TITLE, 2, "https://example.org/b"))
        .setSourceKeywords(List.of("tidal forecasting")).build());
    send(RawEntry.newBuilder(apiEntry("2601.00002", "Harbour Gauges at Scale", 1, "https://example.org/a"))
        .setAbstract$("Gauges.").setSourceKeywords(List.of("Tidal Forecasting")).build());

    // then the keyword counts two papers
    assertThat(counts.readKeyValuesToMap().get("tidal forecasting|2025-12-30").getCount()).isEqualTo(2);
  }

  @Test
  void entriesThatCannotBeNormalizedDoNotStopTheStream() {
    // given a bad entry (an invalid arXiv id) between two good ones
    send(apiEntry("2601.00001", TITLE, 1, "https://example.org/a"));
    send(apiEntry("not-an-id", "Broken Entry", 1, "https://example.org/a"));
    send(apiEntry("2601.00002", "Harbour Gauges at Scale", 1, "https://example.org/a"));

    // then both good ones are recorded
    assertThat(papers.readKeyValuesToMap().keySet()).containsExactlyInAnyOrder("2601.00001", "2601.00002");
    // and the bad one is in the dead-letter topic as it was, with the reason
    TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(
        topics.processingDeadLetters().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TestRecord<byte[], byte[]>> rejected = deadLetters.readRecordsToList();
    assertThat(rejected).hasSize(1);
    assertThat(topics.rawEntries().valueSerde().deserializer().deserialize("t", rejected.get(0).value()).getArxivId())
        .isEqualTo("not-an-id");
    assertThat(new String(rejected.get(0).headers().lastHeader("__streams.errors.message").value(), UTF_8))
        .contains("position 0 of https://example.org/a").contains("invalid arXiv id");
  }

  @Test
  void trendsAreEmittedPerDate() {
    send(RawEntry.newBuilder(apiEntry("2601.00001", TITLE, 1, "https://example.org/a"))
        .setSourceKeywords(List.of("tidal forecasting")).build());

    driver.advanceWallClockTime(Duration.ofSeconds(2));

    Map<String, KeywordTrend> byDate = trends.readKeyValuesToMap();
    assertThat(byDate).containsKey("2025-12-30");
    assertThat(byDate.get("2025-12-30").getKeywords())
        .anySatisfy(k -> {
          assertThat(k.getKeyword()).isEqualTo("tidal forecasting");
          assertThat(k.getCount()).isEqualTo(1);
          assertThat(k.getCount7d()).isEqualTo(1);
        });
  }

  private void send(RawEntry entry) {
    raw.pipeInput(PaperKeys.provisionalKey(entry.getArxivId(), entry.getTitle()), entry);
  }

  private static Map<String, Paper> nonNull(Map<String, Paper> table) {
    table.values().removeIf(java.util.Objects::isNull);
    return table;
  }

  static RawEntry apiEntry(String arxivId, String title, int upvotes, String source) {
    return RawEntry.newBuilder()
        .setSource(source)
        .setSourceKind(SourceKind.API_JSON)
        .setFetchedAt(Instant.parse("2026-01-02T08:00:00Z"))
        .setPageDate(LocalDate.parse("2026-01-02"))
        .setPosition(0)
        .setPageFingerprint("f00d")
        .setTitle(title)
        .setAbstract$(ABSTRACT)
        .setAuthors(List.of("Ada Mirel", "Bo Tanaka"))
        .setPublishedAt(Instant.parse("2025-12-30T00:00:00Z"))
        .setFeaturedDate(LocalDate.parse("2026-01-02"))
        .setUpvotes(upvotes)
        .setArxivId(arxivId)
        .build();
  }

  static RawEntry textEntry(String title, String source) {
    return RawEntry.newBuilder()
        .setSource(source)
        .setSourceKind(SourceKind.TEXT)
        .setFetchedAt(Instant.parse("2026-01-01T08:00:00Z"))
        .setPageDate(LocalDate.parse("2026-01-01"))
        .setPosition(4)
        .setPageFingerprint("beef")
        .setTitle(title)
        .setAbstract$(ABSTRACT)
        .setAuthorCount(2)
        .setDateText("Dec 30, 2025")
        .build();
  }
}
