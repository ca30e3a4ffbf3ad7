package io.paperstream.kafka.testing;

import io.paperstream.kafka.TopicReader;
import io.paperstream.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** What a topic holds, read committed, from the beginning to the end offsets found at the start. */
public final class TopicContents {

  private static final Duration READ_LIMIT = Duration.ofSeconds(60);

  private TopicContents() {}

  public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, Topic<K, V> topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      TopicReader.readToEnd(consumer, topic.name(), READ_LIMIT, records::add);
    }
    return records;
  }

  /** The latest value per key of a table topic; deleted keys are absent. */
  public static <V> Map<String, V> table(String bootstrapServers, Topic<String, V> topic) {
    Map<String, V> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, V> record : readAll(bootstrapServers, topic)) {
      if (record.value() == null) {
        latest.remove(record.key());
      } else {
        latest.put(record.key(), record.value());
      }
    }
    return latest;
  }
}
