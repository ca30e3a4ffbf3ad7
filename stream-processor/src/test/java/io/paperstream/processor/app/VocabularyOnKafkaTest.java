package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary counted on as many partitions as the raw entries have, on a real broker: the
 * lessons spread over every partition, and each phrase's counts, summed on one of them, equal a
 * recount of the papers (a phrase counted on two partitions would publish two partial counts
 * under one key, and the compacted topic would keep one of them).
 */
class VocabularyOnKafkaTest {

  private static final int PAPERS = 60;
  private static final String[] WORDS = {"tidal", "harbour", "gauge", "lattice", "brine", "ledger", "coast",
      "forecast", "sensor", "drift", "current", "estuary"};

  @TempDir Path stateDir;

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void everyPhraseIsCountedOnOnePartitionAndTheCountsEqualARecountOfThePapers() throws Exception {
    // given raw entries on three partitions, every paper with keywords of its own
    TestPipeline pipeline = new TestPipeline(KAFKA.bootstrapServers(), stateDir, Map.of("topics.partitions", "3"));
    pipeline.createTopics();
    try (RawEntryProducer producer = RawEntryProducer.connect(KAFKA.bootstrapServers(), new Properties(),
        pipeline.topics)) {
      entries().forEach(producer::entry);
    }

    // when the processor has caught up
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings);
        PaperProcessor processor = PaperProcessor.start(cluster, pipeline.settings)) {
      pipeline.awaitCaughtUp();

      // then the lessons went to every one of the three partitions of the counter
      String deltas = pipeline.applicationId + "-vocabulary-deltas-repartition";
      try (Admin admin = cluster.admin()) {
        TopicDescription description = admin.describeTopics(List.of(deltas)).allTopicNames().get().get(deltas);
        assertThat(description.partitions()).hasSize(3);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        description.partitions().forEach(p -> ends.put(new TopicPartition(deltas, p.partition()), OffsetSpec.latest()));
        assertThat(admin.listOffsets(ends).all().get().values())
            .allSatisfy(end -> assertThat(end.offset()).isPositive());
      }
      // and the vocabulary topic holds, for every phrase, the counts a recount of the papers gives
      Map<String, String> expected = recount(TopicContents.table(KAFKA.bootstrapServers(), pipeline.topics.papers()));
      assertThat(expected).containsEntry("", PAPERS + " 0").containsEntry("coast", PAPERS + " " + PAPERS);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
          TopicContents.table(KAFKA.bootstrapServers(), pipeline.topics.keywordVocabulary()).equals(expected));
    }
  }

  /** Phrase → {@code "<papers that chose it> <papers whose text offered it>"}, from the papers' own keywords and text. */
  private static Map<String, String> recount(Map<String, Paper> papers) {
    KeywordExtractor extractor = new KeywordExtractor();
    Map<String, long[]> counts = new HashMap<>();
    for (Paper paper : papers.values()) {
      counts.computeIfAbsent("", phrase -> new long[2])[0]++;
      paper.getSourceKeywords().forEach(chosen -> counts.computeIfAbsent(chosen, phrase -> new long[2])[0]++);
      extractor.candidatePhrases(paper.getTitle(), paper.getAbstract$())
          .forEach(seen -> counts.computeIfAbsent(seen, phrase -> new long[2])[1]++);
    }
    Map<String, String> encoded = new HashMap<>();
    counts.forEach((phrase, count) -> encoded.put(phrase, count[0] + " " + count[1]));
    return encoded;
  }

  /** Papers choosing canonical phrases ("coast" always, the others now and then) and offering overlapping ones. */
  private static List<RawEntry> entries() {
    Random random = new Random(9);
    List<RawEntry> entries = new ArrayList<>();
    LocalDate day = LocalDate.parse("2026-02-02");
    for (int i = 0; i < PAPERS; i++) {
      List<String> chosen = new ArrayList<>(List.of("coast"));
      if (i % 2 == 0) {
        chosen.add("tide table");
      }
      if (i % 3 == 0) {
        chosen.add("brine ledger");
      }
      entries.add(RawEntry.newBuilder()
          .setSource("https://digest.example.org/api/daily_papers?date=" + day)
          .setSourceKind(SourceKind.API_JSON)
          .setFetchedAt(Instant.parse(day + "T08:00:00Z"))
          .setPageDate(day)
          .setPosition(i)
          .setPageFingerprint("ab".repeat(32))
          .setTitle("Harbour Study " + i + ": " + word(random) + " " + word(random) + " for the coast")
          .setAbstract$("We measure " + word(random) + " " + word(random) + " and " + word(random) + " "
              + word(random) + " on the coast, with tide tables and a " + word(random) + " " + word(random) + ".")
          .setArxivId(String.format("2602.%05d", i + 1))
          .setSourceKeywords(chosen)
          .build());
    }
    return entries;
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }
}
