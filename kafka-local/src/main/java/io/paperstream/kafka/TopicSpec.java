package io.paperstream.kafka;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A topic as the application declares it, before it exists.
 *
 * @param configs topic-level overrides such as {@code cleanup.policy}; empty for broker defaults
 */
public record TopicSpec(String name, int partitions, short replicationFactor,
    Map<String, String> configs) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was "
          + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("topic " + name + ": replication factor must be >= 1, was "
          + replicationFactor);
    }
    configs = Map.copyOf(configs);
  }

  /** A topic with replication factor 1 (the local single-node broker) and broker defaults. */
  public static TopicSpec of(String name, int partitions) {
    return new TopicSpec(name, partitions, (short) 1, Map.of());
  }

  public NewTopic toNewTopic() {
    return new NewTopic(name, partitions, replicationFactor).configs(configs);
  }
}
