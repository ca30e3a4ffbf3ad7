package io.paperstream.processor.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The raw entries and the sightings topic feed one task per partition, which holds the papers
 * whose id hashes to that partition (see {@code IdentityResolver}): both topics need the same
 * number of partitions, or a paper would be kept in two tasks. Kafka Streams does not check
 * this for topics that are merged rather than joined, so the processor does before it starts.
 */
final class CoPartitionedTopics {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private CoPartitionedTopics() {}

  /** Their common partition count; fails, naming each topic and its count, unless {@code names} all have the same. */
  static int require(Admin admin, List<String> names) {
    Map<String, Integer> counts;
    try {
      counts = admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .values().stream().collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics " + names, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not describe topics " + names + " within " + TIMEOUT + ": " + e, e);
    }
    if (counts.values().stream().distinct().count() > 1) {
      throw new IllegalStateException("topics must have the same number of partitions, as the processor keeps "
          + "each paper in the task its key hashes to: " + names.stream().map(n -> n + " has " + counts.get(n))
          .collect(Collectors.joining(", ")));
    }
    return counts.values().iterator().next();
  }
}
