package io.paperstream.ingest.produce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.ingest.CollectingSink;
import io.paperstream.ingest.Fixtures;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.IngestSummary;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.kafka.TopicAdmin;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.ProvenanceHeaders;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ingest against a real single-node KRaft broker, then read the topics back. */
class IngestToKafkaTest {

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void ownFixturesArriveOnceEachWithKeyAndProvenance() {
    assertEveryEntryArrivesOnce(List.of(Fixtures.own("split").toString()));
  }

  @Test
  void sharedFixturesArriveOnceEachWithKeyAndProvenance() {
    Path shared = Fixtures.sharedOrSkip();
    assertEveryEntryArrivesOnce(List.of(shared.toString()));
  }

  private void assertEveryEntryArrivesOnce(List<String> sources) {
    // given fresh topics, unique to this test
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Topics topics = Topics.named(logical -> logical + "-" + suffix);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
      TopicAdmin.ensureTopics(admin, PipelineTopics.ingestTopics(topics, Settings.defaults()));
    }
    // and what the splitter makes of the sources, collected without Kafka
    CollectingSink expected = new CollectingSink();
    IngestSummary offline = pipeline().run(sources, expected);

    // when the same sources are ingested to Kafka
    IngestSummary produced;
    try (RawEntryProducer producer = RawEntryProducer.connect(KAFKA.bootstrapServers(), new Properties(), topics)) {
      produced = pipeline().run(sources, producer);
    }

    // then each entry is on the topic exactly once, keyed by its provisional identity,
    // with headers that match its provenance
    List<ConsumerRecord<String, RawEntry>> entries = readAll(topics.rawEntries(), offline.entries());
    assertThat(produced.entries()).isEqualTo(offline.entries()).isPositive();
    assertThat(entries).hasSize(expected.entries().size());
    Map<String, RawEntry> bySourceAndPosition = new HashMap<>();
    for (ConsumerRecord<String, RawEntry> record : entries) {
      RawEntry entry = record.value();
      assertThat(record.key()).isEqualTo(PaperKeys.provisionalKey(entry.getArxivId(), entry.getTitle()));
      assertThat(header(record, ProvenanceHeaders.SOURCE)).isEqualTo(entry.getSource());
      assertThat(header(record, ProvenanceHeaders.SOURCE_KIND)).isEqualTo(entry.getSourceKind().name());
      assertThat(header(record, ProvenanceHeaders.POSITION)).isEqualTo(String.valueOf(entry.getPosition()));
      assertThat(header(record, ProvenanceHeaders.PAGE_FINGERPRINT)).isEqualTo(entry.getPageFingerprint());
      RawEntry previous = bySourceAndPosition.put(entry.getSource() + "#" + entry.getPosition(), entry);
      assertThat(previous).as("entry %s#%s arrived twice", entry.getSource(), entry.getPosition()).isNull();
    }
    for (RawEntry entry : expected.entries()) {
      RawEntry arrived = bySourceAndPosition.get(entry.getSource() + "#" + entry.getPosition());
      assertThat(arrived).as("entry %s#%s", entry.getSource(), entry.getPosition())
          .usingRecursiveComparison().ignoringFields("fetchedAt").isEqualTo(entry);
    }
    // and every dead letter is on its own topic, keyed by its source
    List<ConsumerRecord<String, DeadLetter>> deadLetters = readAll(topics.rawDeadLetters(), offline.deadLetters());
    assertThat(deadLetters).hasSize(expected.deadLetters().size());
    deadLetters.forEach(record -> assertThat(record.key()).isEqualTo(record.value().getSource()));
  }

  private static IngestPipeline pipeline() {
    return new IngestPipeline(new PageSources(new HttpPageFetcher(), null), new PageSplitter(), Clock.systemUTC());
  }

  private static <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic, int atLeast) {
    List<ConsumerRecord<String, V>> records = TopicContents.readAll(KAFKA.bootstrapServers(), topic);
    assertThat(records).hasSizeGreaterThanOrEqualTo(atLeast);
    return records;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }
}
