package io.paperstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.config.Settings;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.schemas.KeywordCount;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code papers export} on a real broker: a record another client wrote that cannot be decoded. */
class TopicJsonTest {

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void aRecordThatCannotBeDecodedIsSkippedAndSaidWhereTheOthersAreRead() throws Exception {
    // given a counts topic holding a good record, one another client wrote that is not Avro, and
    // another good one
    Topic<String, KeywordCount> counts = Topics.defaults().keywordDailyCounts();
    try (Admin admin = TestClients.admin(KAFKA.bootstrapServers())) {
      TopicAdmin.ensureTopics(admin, List.of(TopicSpec.of(counts.name(), 1).toNewTopic()));
    }
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
        KAFKA.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(record(counts, "tide gauge|2026-02-02", count("tide gauge", 3)));
      producer.send(new ProducerRecord<>(counts.name(), bytes("brine|2026-02-02"), bytes("{not avro")));
      producer.send(record(counts, "harbour|2026-02-02", count("harbour", 5)));
    }

    // when the topic is read as JSON lines
    try (KafkaCluster cluster = KafkaCluster.connect(Settings.defaults()
        .with(KafkaCluster.BOOTSTRAP_KEY, KAFKA.bootstrapServers()))) {
      TopicJson.Snapshot snapshot = new TopicJson(cluster).read(counts, true);

      // then both good records are lines, and the bad one is described: where and why
      assertThat(snapshot.lines()).hasSize(2)
          .anySatisfy(line -> assertThat(line).contains("tide gauge").contains("\"count\":3"))
          .anySatisfy(line -> assertThat(line).contains("harbour").contains("\"count\":5"));
      assertThat(snapshot.skipped()).singleElement().asString()
          .contains("offset 1 of partition 0 of " + counts.name())
          .contains("key 'brine|2026-02-02'")
          .contains("cannot decode KeywordCount");
    }
  }

  private static ProducerRecord<byte[], byte[]> record(Topic<String, KeywordCount> topic, String key,
      KeywordCount value) {
    return new ProducerRecord<>(topic.name(), bytes(key), topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  private static KeywordCount count(String keyword, long count) {
    return KeywordCount.newBuilder().setKeyword(keyword).setDate(LocalDate.parse("2026-02-02")).setCount(count).build();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
