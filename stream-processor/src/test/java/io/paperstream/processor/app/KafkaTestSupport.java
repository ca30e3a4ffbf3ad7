package io.paperstream.processor.app;

import io.paperstream.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Reading topics and consumer-group progress on a real broker, for tests. */
final class KafkaTestSupport {

  private KafkaTestSupport() {}

  /** Every record of a topic, from the beginning to the end offsets found at the start. */
  static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrap, Topic<K, V> topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic.name() + " to its end within 60 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The latest value per key of a table topic; deleted keys are absent. */
  static <V> Map<String, V> table(String bootstrap, Topic<String, V> topic) {
    Map<String, V> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, V> record : readAll(bootstrap, topic)) {
      if (record.value() == null) {
        latest.remove(record.key());
      } else {
        latest.put(record.key(), record.value());
      }
    }
    return latest;
  }

  /**
   * Whether the application has consumed every partition it reads to the end: its input topics
   * and its own repartition topics, including partitions it has not committed for yet.
   * {@code plainInputs} are written without transactions (by the ingest producer): there the
   * committed offset must equal the end offset. The other topics are written in transactions
   * and end with a commit marker, which a consumer may not have stepped past yet.
   */
  static boolean caughtUp(String bootstrap, String applicationId, List<String> plainInputs, List<String> txInputs) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      List<String> topics = new ArrayList<>(plainInputs);
      topics.addAll(txInputs);
      admin.listTopics().names().get().stream()
          .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
          .forEach(topics::add);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get().values().forEach(description ->
          description.partitions().forEach(p ->
              latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      return ends.entrySet().stream().allMatch(e -> {
        long end = e.getValue().offset();
        OffsetAndMetadata at = committed.get(e.getKey());
        long offset = at == null ? 0 : at.offset();
        return plainInputs.contains(e.getKey().topic()) ? offset == end : offset >= end - 1;
      });
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
