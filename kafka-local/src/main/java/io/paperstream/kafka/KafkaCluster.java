package io.paperstream.kafka;

import io.paperstream.config.DataDir;
import io.paperstream.config.Settings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster a command talks to: the one named by {@code bootstrap.servers}, or, when
 * none is configured, the local embedded broker (started on the default data directory if it is
 * not already running).
 */
public final class KafkaCluster implements AutoCloseable {

  public static final String BOOTSTRAP_KEY = "bootstrap.servers";
  public static final String LOCAL_DATA_DIR_KEY = "local.data-dir";
  public static final String LOCAL_PORT_KEY = "local.port";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);

  private final String bootstrapServers;
  private final Properties clientOverrides;
  private final LocalKafka.Handle local;

  private KafkaCluster(String bootstrapServers, Properties clientOverrides, LocalKafka.Handle local) {
    this.bootstrapServers = bootstrapServers;
    this.clientOverrides = clientOverrides;
    this.local = local;
  }

  /**
   * The cluster {@code settings} name, checked within {@code cluster.check-timeout}; or the local
   * broker on {@code <data-dir>/kafka}, started when none runs.
   *
   * @throws ClusterUnavailableException when the configured cluster does not answer
   */
  public static KafkaCluster connect(Settings settings) {
    Optional<String> configured = settings.find(BOOTSTRAP_KEY);
    if (configured.isPresent()) {
      // fail fast, in one line naming the servers, before any client starts retrying and logging
      ClusterCheck.require(configured.get(), settings.kafkaClientOverrides(),
          settings.getDuration(ClusterCheck.TIMEOUT_KEY, ClusterCheck.DEFAULT_TIMEOUT));
      return new KafkaCluster(configured.get(), settings.kafkaClientOverrides(), null);
    }
    Path dataDir = DataDir.kafka(settings);
    LocalKafka.Handle handle = LocalKafka.ensureRunning(dataDir, localPort(settings));
    if (handle.startedHere()) {
      LOG.info("No bootstrap.servers configured: started the local broker at {} (data in {})",
          handle.bootstrapServers(), dataDir);
    }
    return new KafkaCluster(handle.bootstrapServers(), settings.kafkaClientOverrides(), handle);
  }

  /** The port of the local broker: setting {@code local.port}, else {@link LocalKafka#DEFAULT_PORT}. */
  public static int localPort(Settings settings) {
    return settings.getInt(LOCAL_PORT_KEY, LocalKafka.DEFAULT_PORT);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The {@code kafka.*} settings, to be applied over each client's own defaults. */
  public Properties clientOverrides() {
    Properties copy = new Properties();
    copy.putAll(clientOverrides);
    return copy;
  }

  public Admin admin() {
    Properties config = clientOverrides();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return Admin.create(config);
  }

  /** True when this process runs the broker, which then stops with {@link #close()}. */
  public boolean embedded() {
    return local != null && local.startedHere();
  }

  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
  }
}
