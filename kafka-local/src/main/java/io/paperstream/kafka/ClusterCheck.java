package io.paperstream.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Asks a configured cluster who it is ({@code describeCluster}) before a command starts anything,
 * so that a wrong or unreachable {@code bootstrap.servers} fails in a bounded time with one line
 * that names the servers and the reason, instead of every client retrying and logging for minutes.
 */
public final class ClusterCheck {

  /** Setting {@code cluster.check-timeout} (not under {@code kafka.}: those are passed to the clients). */
  public static final String TIMEOUT_KEY = "cluster.check-timeout";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private ClusterCheck() {}

  /**
   * Returns when a broker at {@code bootstrapServers} answered within {@code timeout}.
   *
   * @throws ClusterUnavailableException naming the servers and why they cannot be used
   */
  public static void require(String bootstrapServers, Properties clientOverrides, Duration timeout) {
    int timeoutMs = (int) Math.max(1, timeout.toMillis());
    Properties config = new Properties();
    config.putAll(clientOverrides);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "paperstream-cluster-check");
    Admin admin;
    try {
      admin = Admin.create(config);
    } catch (KafkaException e) {
      throw new ClusterUnavailableException(bootstrapServers, "not a usable address: " + rootMessage(e), e);
    }
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).clusterId()
          .get(timeoutMs + 2_000L, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterUnavailableException(bootstrapServers, "interrupted while waiting for an answer", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ClusterUnavailableException(bootstrapServers, reason(e, timeout), e);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  /** Why the check failed, in words a user can act on. */
  static String reason(Throwable failure, Duration timeout) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthenticationException) {
        return "authentication failed (" + cause.getMessage() + "); check the kafka.sasl.* / kafka.ssl.* settings";
      }
      if (cause instanceof AuthorizationException) {
        return "not authorized to describe the cluster (" + cause.getMessage() + ")";
      }
      if (cause instanceof ConfigException) {
        return "not a usable address: " + cause.getMessage();
      }
    }
    return "no broker answered within " + timeout.toSeconds() + " s (unreachable: is Kafka running there, and is "
        + "the address right? setting " + TIMEOUT_KEY + " sets the wait)";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
