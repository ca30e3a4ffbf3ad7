package io.paperstream.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where the vocabulary is counted: each phrase on one partition of {@code vocabulary-deltas},
 * always the same (its hash, as Kafka's default partitioner hashes a key), so the counters of
 * all partitions share the work and a phrase's counts are never split. A lesson is cut into one
 * part per partition ({@link VocabularyLessons}), keyed by that partition's number, which this
 * partitioner reads back.
 */
final class VocabularyPartitioner implements StreamPartitioner<String, String> {

  /** The partition, of {@code partitions}, that counts {@code phrase}. */
  static int partitionOf(String phrase, int partitions) {
    return Utils.toPositive(Utils.murmur2(phrase.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The key of a lesson's part for {@code partition}. */
  static String keyOf(int partition) {
    return Integer.toString(partition);
  }

  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, String value, int numPartitions) {
    int partition = Integer.parseInt(key);
    if (partition < 0 || partition >= numPartitions) {
      throw new IllegalStateException("a vocabulary lesson for partition " + partition + " cannot go to " + topic
          + ", which has " + numPartitions + " partitions: the lessons are cut for another number of partitions");
    }
    return Optional.of(Set.of(partition));
  }
}
