package io.paperstream.kafka;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: produce a record, read a topic back from the beginning. */
final class TestClients {

  static final Duration WAIT = Duration.ofSeconds(30);

  private TestClients() {}

  static Admin admin(String bootstrapServers) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  static void produce(String bootstrapServers, String topic, String key, String value)
      throws Exception {
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** Reads partition 0 of {@code topic} from the start until {@code count} records arrived. */
  static List<ConsumerRecord<String, String>> readFromStart(String bootstrapServers, String topic,
      int count) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(
        bootstrapServers, Map.of()))) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      return pollUntil(consumer, count);
    }
  }

  /** Joins consumer group {@code groupId}, which needs the broker's group coordinator to work. */
  static List<ConsumerRecord<String, String>> readAsGroup(String bootstrapServers, String topic,
      String groupId, int count) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(
        bootstrapServers, Map.of(
            ConsumerConfig.GROUP_ID_CONFIG, groupId,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")))) {
      consumer.subscribe(List.of(topic));
      return pollUntil(consumer, count);
    }
  }

  static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).collect(Collectors.toList());
  }

  private static Map<String, Object> consumerProps(String bootstrapServers,
      Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    props.putAll(extra);
    return props;
  }

  // poll() itself blocks until records arrive or its timeout passes: no sleeping here.
  private static List<ConsumerRecord<String, String>> pollUntil(
      KafkaConsumer<String, String> consumer, int count) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    await().atMost(WAIT)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(() -> {
          consumer.poll(Duration.ofMillis(500)).forEach(records::add);
          return records.size() >= count;
        });
    return records;
  }
}
