package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.ingest.EntrySink;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.KeywordCount;
import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.processor.normalize.FieldLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The processor on a real single-node KRaft broker, fed through the real ingest path. */
class ProcessorOnKafkaTest {

  @TempDir Path stateDir;

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void ownPagesEndAsOneRecordPerPaperWithBadEntriesDeadLettered() throws Exception {
    // given a text page and an API page that share one paper, with one bad API element and
    // one entry that cannot be normalized (negative upvotes)
    TestPipeline pipeline = new TestPipeline(KAFKA.bootstrapServers(), stateDir);
    pipeline.ingest(List.of(resource("pages").toString()));

    // when the processor has caught up
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings);
        PaperProcessor processor = PaperProcessor.start(cluster, pipeline.settings)) {
      pipeline.awaitCaughtUp();
    }

    // then there is one record per paper; the shared one knows both pages
    Map<String, Paper> papers = TopicContents.table(KAFKA.bootstrapServers(), pipeline.topics.papers());
    assertThat(papers).hasSize(4);
    Paper tides = papers.get("2601.00001");
    assertThat(tides.getSightings()).isEqualTo(2);
    assertThat(tides.getTitle()).isEqualTo("Sparse Lattice Transformers for Tidal Forecasting");
    assertThat(tides.getCodeUrls()).contains("https://github.com/example-org/slt");
    assertThat(tides.getUpvotes()).isEqualTo(7);
    assertThat(papers.values()).extracting(Paper::getTitle).contains("Quiet Gradients in Loud Networks");
    // and the entry that could not be normalized is in the processing dead-letter topic
    assertThat(TopicContents.readAll(KAFKA.bootstrapServers(), pipeline.topics.processingDeadLetters()))
        .hasSize(1)
        .allSatisfy(record -> assertThat(new String(record.headers().lastHeader("__streams.errors.message").value()))
            .contains("position 3").contains("upvote"));
    assertCountsMatchPapers(pipeline, papers);
  }

  @Test
  void sharedFixturesEndAsOneRecordPerDistinctPaper() throws Exception {
    Path shared = sharedFixturesOrSkip();
    // given the seeds and the API days ingested
    TestPipeline pipeline = new TestPipeline(KAFKA.bootstrapServers(), stateDir);
    List<String> sources = List.of(shared.resolve("seeds").toString(), shared.resolve("hf-api/daily").toString(),
        shared.resolve("hf-api/modern").toString());
    pipeline.ingest(sources);

    // when the processor has caught up
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings);
        PaperProcessor processor = PaperProcessor.start(cluster, pipeline.settings)) {
      pipeline.awaitCaughtUp();
    }

    // then the papers table holds exactly one record per distinct paper, worked out here
    // from the files: every API id, plus every seed title that no API entry carries
    Set<String> apiIds = new HashSet<>();
    Set<String> apiTitles = new HashSet<>();
    ObjectMapper mapper = new ObjectMapper();
    for (Path file : jsonFiles(shared.resolve("hf-api/daily"), shared.resolve("hf-api/modern"))) {
      for (JsonNode element : mapper.readTree(file.toFile())) {
        apiIds.add(element.path("paper").path("id").asText());
        apiTitles.add(comparable(element.path("paper").path("title").asText()));
      }
    }
    Set<String> seedTitles = new HashSet<>();
    new IngestPipeline(new PageSources(new HttpPageFetcher(), null), new PageSplitter(), Clock.systemUTC())
        .run(List.of(shared.resolve("seeds").toString()), collectTitles(seedTitles));
    assertThat(seedTitles).hasSize(301);
    Set<String> seedOnly = new HashSet<>(seedTitles);
    seedOnly.removeAll(apiTitles);
    Map<String, Paper> papers = TopicContents.table(KAFKA.bootstrapServers(), pipeline.topics.papers());
    assertThat(papers).hasSize(apiIds.size() + seedOnly.size());
    assertThat(papers.keySet()).containsAll(apiIds);
    // and the keyword counts equal a recount of the papers table
    assertCountsMatchPapers(pipeline, papers);
  }

  @Test
  void aOneMegabyteTitleIsDeadLetteredWhileTheRestOfItsPageGoesThrough() throws Exception {
    // given a running processor
    TestPipeline pipeline = new TestPipeline(KAFKA.bootstrapServers(), stateDir);
    pipeline.createTopics();
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings);
        PaperProcessor processor = PaperProcessor.start(cluster, pipeline.settings)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> processor.streams().state() == KafkaStreams.State.RUNNING);
      Set<String> threads = streamThreads(processor);

      // when a page arrives with ten ordinary entries and, in the middle, one whose title is a
      // megabyte without a space (another producer than paperstream's splitter, which caps it)
      Properties bigRecords = new Properties();
      bigRecords.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
      try (RawEntryProducer producer = RawEntryProducer.connect(KAFKA.bootstrapServers(), bigRecords, pipeline.topics)) {
        for (int position = 0; position < 11; position++) {
          String title = position == 5 ? "x".repeat(1 << 20) : "Harbour Lattice Study Number " + position;
          producer.entry(pageEntry(position, title));
        }
      }
      long produced = System.nanoTime();

      // then within seconds the ten papers come out and the giant is one located dead letter
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
          TopicContents.table(KAFKA.bootstrapServers(), pipeline.topics.papers()).size() == 10
              && TopicContents.readAll(KAFKA.bootstrapServers(), pipeline.topics.processingDeadLetters()).size() == 1);
      LoggerFactory.getLogger(ProcessorOnKafkaTest.class).info("page with a 1 MB title processed in {} ms",
          Duration.ofNanos(System.nanoTime() - produced).toMillis());
      assertThat(TopicContents.table(KAFKA.bootstrapServers(), pipeline.topics.papers()).values())
          .extracting(Paper::getTitle).doesNotContain("x".repeat(1 << 20)).hasSize(10);
      assertThat(TopicContents.readAll(KAFKA.bootstrapServers(), pipeline.topics.processingDeadLetters()))
          .singleElement()
          .satisfies(record -> assertThat(new String(record.headers().lastHeader("__streams.errors.message").value(),
              StandardCharsets.UTF_8))
              .contains("position 5 of https://digest.example.org/api/daily_papers?date=2026-02-02")
              .contains("title is 1048576 characters long, over the limit of " + FieldLimits.TITLE));
      // and the processor kept running on the same stream thread, never failed and replaced
      assertThat(processor.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(streamThreads(processor)).isEqualTo(threads);
    }
  }

  private static Set<String> streamThreads(PaperProcessor processor) {
    Set<String> names = new HashSet<>();
    processor.streams().metadataForLocalThreads().forEach(thread -> names.add(thread.threadName()));
    return names;
  }

  private static RawEntry pageEntry(int position, String title) {
    return RawEntry.newBuilder()
        .setSource("https://digest.example.org/api/daily_papers?date=2026-02-02")
        .setSourceKind(SourceKind.API_JSON)
        .setFetchedAt(Instant.parse("2026-02-02T08:00:00Z"))
        .setPageDate(LocalDate.parse("2026-02-02"))
        .setPosition(position)
        .setPageFingerprint("ef".repeat(32))
        .setTitle(title)
        .setAbstract$("We plan sparse harbour lattices with tidal gradients, case " + position + ".")
        .setArxivId(String.format("2602.%05d", position + 1))
        .build();
  }

  /** keyword-daily-counts recomputed here from the papers table, not by the topology's code. */
  private static void assertCountsMatchPapers(TestPipeline pipeline, Map<String, Paper> papers) {
    Map<String, Long> expected = new HashMap<>();
    for (Paper paper : papers.values()) {
      for (String keyword : new HashSet<>(paper.getKeywords())) {
        expected.merge(KeywordDateKey.of(keyword, paper.getPublishedDate()).encode(), 1L, Long::sum);
      }
    }
    Map<String, KeywordCount> counts =
        TopicContents.table(KAFKA.bootstrapServers(), pipeline.topics.keywordDailyCounts());
    Map<String, Long> actual = new HashMap<>();
    counts.forEach((key, count) -> actual.put(key, count.getCount()));
    assertThat(actual).isNotEmpty().isEqualTo(expected);
  }

  /** Titles compared as a reader would: case, spacing and punctuation aside. */
  private static String comparable(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static EntrySink collectTitles(Set<String> titles) {
    return new EntrySink() {
      @Override
      public void entry(RawEntry entry) {
        titles.add(comparable(entry.getTitle()));
      }

      @Override
      public void deadLetter(DeadLetter deadLetter) {}
    };
  }

  private static List<Path> jsonFiles(Path... folders) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> listing = Files.list(folder)) {
        listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  static Path sharedFixturesOrSkip() {
    String configured = System.getProperty("paperstream.fixtures");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "fixtures");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared fixtures not found at " + dir + ": skipped");
    return dir.toAbsolutePath().normalize();
  }

  static Path resource(String folder) throws URISyntaxException {
    return Path.of(ProcessorOnKafkaTest.class.getClassLoader().getResource(folder).toURI());
  }
}
