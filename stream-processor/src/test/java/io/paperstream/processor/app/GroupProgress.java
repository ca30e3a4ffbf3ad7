package io.paperstream.processor.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** How far the processor's consumer group has committed on one input topic: its progress, seen from outside. */
final class GroupProgress {

  private final String bootstrapServers;
  private final String groupId;
  private final String topic;

  GroupProgress(String bootstrapServers, String groupId, String topic) {
    this.bootstrapServers = bootstrapServers;
    this.groupId = groupId;
    this.topic = topic;
  }

  /** Records committed so far on the topic, summed over its partitions; -1 when the broker cannot say. */
  long committed() {
    try {
      return KafkaTestSupport.committedOn(bootstrapServers, groupId, topic);
    } catch (Exception e) {
      return -1; // e.g. the broker is restarting: ask again
    }
  }

  /**
   * Waits until more than {@code baseline} records are committed and returns the time since
   * {@code sinceNanos} (on {@link System#nanoTime()}'s clock): from a restart to the next
   * processed record.
   */
  Duration awaitBeyond(long baseline, long sinceNanos, Duration limit) {
    await().atMost(limit).pollInterval(Duration.ofMillis(50)).until(() -> committed() > baseline);
    return Duration.ofNanos(System.nanoTime() - sinceNanos);
  }
}
