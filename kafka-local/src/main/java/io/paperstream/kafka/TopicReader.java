package io.paperstream.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a whole topic once: from the beginning to the end offsets found at the start, so that
 * the reading ends even while producers keep writing.
 */
public final class TopicReader {

  private static final Duration POLL = Duration.ofMillis(200);

  private TopicReader() {}

  /**
   * Hands every record of {@code topic} to {@code each}, in partition order, and returns the end
   * offsets the reading stopped at (where a follower would go on).
   *
   * @throws IllegalArgumentException when there is no such topic
   * @throws IllegalStateException when the end is not reached within {@code limit}
   */
  public static <K, V> Map<TopicPartition, Long> readToEnd(KafkaConsumer<K, V> consumer, String topic,
      Duration limit, Consumer<ConsumerRecord<K, V>> each) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, limit);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalArgumentException("no topic " + topic);
    }
    List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, limit);
    long deadline = System.nanoTime() + limit.toNanos();
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + topic + " to its end within " + limit.toSeconds() + " s");
      }
      consumer.poll(POLL).forEach(each);
    }
    return end;
  }
}
