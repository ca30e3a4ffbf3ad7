package io.paperstream.processor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What an application wrote to each of its topics, counted on the broker: the offsets its
 * partitions took (log end minus log start: every record the broker stored, transaction markers
 * and aborted records included) and the committed data records among them (read back with
 * {@code read_committed}, which skips markers and aborted records). The difference is the cost of
 * transactions: one marker per partition a transaction wrote to, per commit.
 */
final class TopicRecordCounts {

  private static final Duration READ_LIMIT = Duration.ofMinutes(5);

  /** One topic's figures. */
  record Count(long offsets, long committedRecords) {
    long markersAndAborted() {
      return offsets - committedRecords;
    }
  }

  private TopicRecordCounts() {}

  /** Per topic (sorted by name), what it holds. */
  static Map<String, Count> of(Admin admin, String bootstrapServers, List<String> topics)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(topics).allTopicNames().get().values().forEach(description ->
        description.partitions().forEach(p -> {
          TopicPartition partition = new TopicPartition(description.name(), p.partition());
          earliest.put(partition, OffsetSpec.earliest());
          latest.put(partition, OffsetSpec.latest());
        }));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get();
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    Map<String, Count> counts = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader(bootstrapServers)) {
      for (String topic : topics) {
        List<TopicPartition> partitions = new ArrayList<>(ends.keySet().stream()
            .filter(p -> p.topic().equals(topic)).toList());
        long offsets = partitions.stream()
            .mapToLong(p -> ends.get(p).offset() - starts.get(p).offset()).sum();
        counts.put(topic, new Count(offsets, committedRecords(consumer, partitions, ends)));
      }
    }
    return counts;
  }

  private static long committedRecords(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    long records = 0;
    long deadline = System.nanoTime() + READ_LIMIT.toNanos();
    while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p).offset())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up after " + READ_LIMIT + " reading " + partitions + " to its end");
      }
      records += consumer.poll(Duration.ofMillis(200)).count();
    }
    return records;
  }

  private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrapServers) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
