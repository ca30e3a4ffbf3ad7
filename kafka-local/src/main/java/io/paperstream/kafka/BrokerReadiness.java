package io.paperstream.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Waits until a just-started broker answers clients. startup() returning is not enough on its
 * own: ask the broker, as a client would, until it answers.
 */
final class BrokerReadiness {

  private BrokerReadiness() {
  }

  // The admin client retries connections itself, bounded by timeoutMs.
  static void await(String bootstrapServers, Path dataDir, Duration startupTimeout,
      long deadlineNanos) {
    int remainingMs = remainingMillis(deadlineNanos);
    Map<String, Object> adminProps = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, remainingMs,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, remainingMs);
    try (Admin admin = Admin.create(adminProps)) {
      Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(remainingMs))
          .nodes()
          .get(remainingMs + 1_000L, TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        throw new LocalKafkaException("Kafka broker at " + bootstrapServers
            + " started but reports no nodes; see the broker log above.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalKafkaException("Interrupted while waiting for Kafka to start", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new LocalKafkaException("Kafka broker at " + bootstrapServers
          + " did not answer within " + startupTimeout.toSeconds() + " s (data in " + dataDir
          + "); see the broker log for the cause.", e);
    }
  }

  private static int remainingMillis(long deadlineNanos) {
    long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    return (int) Math.max(1_000L, Math.min(Integer.MAX_VALUE, remaining));
  }
}
