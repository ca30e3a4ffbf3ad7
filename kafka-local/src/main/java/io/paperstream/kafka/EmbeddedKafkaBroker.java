package io.paperstream.kafka;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running in this JVM.
 *
 * <p>The data directory is formatted on first use only; a directory that already holds a
 * {@code meta.properties} is reused as is, so topics and records survive restarts. The broker
 * listens on {@code 127.0.0.1} only: it is a local development broker, not a cluster member.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).port(0).build().start()) {
 *   String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  public static final int NODE_ID = 1;
  public static final String HOST = "127.0.0.1";
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private static final String BROKER_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  // These define identity and addressing; bootstrapServers() and the format would lie if they
  // could be overridden.
  private static final Set<String> RESERVED_PROPERTIES = Set.of(
      "process.roles", "node.id", "listeners", "advertised.listeners",
      "listener.security.protocol.map", "inter.broker.listener.name", "controller.listener.names",
      "controller.quorum.voters", "controller.quorum.bootstrap.servers", "log.dirs", "log.dir",
      "metadata.log.dir");
  // The controller port is always picked at random, so a lost bind race is worth another try.
  private static final int START_ATTEMPTS = 3;

  private enum State { NEW, RUNNING, CLOSED }

  private final Path dataDir;
  private final BrokerDataDir dir;
  private final int requestedPort;
  private final Map<String, String> extraProperties;
  private final Duration startupTimeout;

  // Guarded by this: a shutdown hook may close() from another thread.
  private State state = State.NEW;
  private KafkaRaftServer server;
  private int port = -1;

  private EmbeddedKafkaBroker(Builder builder) {
    this.dataDir = builder.dataDir.toAbsolutePath().normalize();
    this.dir = new BrokerDataDir(dataDir);
    this.requestedPort = builder.port;
    this.extraProperties = Map.copyOf(builder.properties);
    this.startupTimeout = builder.startupTimeout;
  }

  /** Starts describing a broker whose data lives in {@code dataDir} (created if missing). */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /**
   * Formats the data directory if needed, starts the broker and returns once it answers clients.
   *
   * @throws LocalKafkaException if the data directory is unusable, the port is taken, or the
   *     broker does not become ready within the startup timeout
   */
  public synchronized EmbeddedKafkaBroker start() {
    if (state != State.NEW) {
      throw new IllegalStateException("broker was already started (state " + state + ")");
    }
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    try {
      if (requestedPort != 0) {
        // Fail before touching the disk: a taken port is the commonest mistake.
        LocalPorts.requireFree(HOST, requestedPort);
      }
      dir.claim();
      dir.formatIfNeeded(NODE_ID, CONTROLLER_LISTENER);
      startServer();
      awaitReady(deadline);
      state = State.RUNNING;
      log.info("Kafka broker ready at {} (data in {})", bootstrapAddress(), dataDir);
      return this;
    } catch (RuntimeException e) {
      // A half-started broker holds the data directory and ports: release them.
      state = State.CLOSED;
      stopServer();
      dir.release();
      throw e;
    }
  }

  /** {@code 127.0.0.1:PORT} of the running broker. */
  public synchronized String bootstrapServers() {
    if (state != State.RUNNING) {
      throw new IllegalStateException("broker is not running (state " + state + ")");
    }
    return bootstrapAddress();
  }

  /** The port the broker listens on; only meaningful once started. */
  public synchronized int port() {
    if (state != State.RUNNING) {
      throw new IllegalStateException("broker is not running (state " + state + ")");
    }
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /** Shuts the broker down and waits for it; calling it again, or before start, does nothing. */
  @Override
  public synchronized void close() {
    if (state == State.CLOSED) {
      return;
    }
    boolean wasRunning = state == State.RUNNING;
    state = State.CLOSED;
    if (wasRunning) {
      log.info("Stopping Kafka broker at {}", bootstrapAddress());
    }
    stopServer();
    dir.release();
  }

  private String bootstrapAddress() {
    return HOST + ":" + port;
  }

  private void startServer() {
    for (int attempt = 1; ; attempt++) {
      int brokerPort = requestedPort == 0 ? freePort() : LocalPorts.requireFree(HOST, requestedPort);
      int controllerPort = LocalPorts.freeOtherThan(HOST, brokerPort);
      KafkaRaftServer candidate =
          new KafkaRaftServer(new KafkaConfig(brokerProperties(brokerPort, controllerPort), false),
              Time.SYSTEM);
      // Published before startup so that close() can stop a startup that fails half-way.
      server = candidate;
      port = brokerPort;
      try {
        candidate.startup();
        return;
      } catch (RuntimeException e) {
        stopServer();
        if (isBindFailure(e) && attempt < START_ATTEMPTS) {
          log.debug("Port race while starting Kafka (attempt {}), retrying with new ports", attempt,
              e);
          continue;
        }
        throw explainStartupFailure(e);
      }
    }
  }

  private Map<String, Object> brokerProperties(int brokerPort, int controllerPort) {
    Map<String, Object> props = new LinkedHashMap<>();
    // Single-node defaults: replication factors of 1 and no rebalance delay, else internal topics
    // cannot be created and consumer groups wait 3 s for members that never come.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("num.partitions", "1");
    // Topics are declared by the application (TopicAdmin); a typo must not create a new topic.
    props.put("auto.create.topics.enable", "false");
    // The 128 MiB default is allocated eagerly and is far too much for a laptop broker.
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    // Let Kafka give up on its own rather than block startup() forever.
    props.put("server.max.startup.time.ms", String.valueOf(startupTimeout.toMillis()));
    props.putAll(extraProperties);

    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    // A static quorum (kraft.version 0) stores no controller address in the data directory, so
    // the controller port may change between restarts.
    props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
        + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
    props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
    props.put("listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", BROKER_LISTENER);
    props.put("log.dirs", dataDir.toString());
    return props;
  }

  // startup() returning is not enough on its own: ask the broker, as a client would, until it
  // answers. The admin client retries connections itself, bounded by timeoutMs.
  private void awaitReady(long deadlineNanos) {
    int remainingMs = remainingMillis(deadlineNanos);
    Map<String, Object> adminProps = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapAddress(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, remainingMs,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, remainingMs);
    try (Admin admin = Admin.create(adminProps)) {
      Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(remainingMs))
          .nodes()
          .get(remainingMs + 1_000L, TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        throw new LocalKafkaException("Kafka broker at " + bootstrapAddress()
            + " started but reports no nodes; see the broker log above.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalKafkaException("Interrupted while waiting for Kafka to start", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new LocalKafkaException("Kafka broker at " + bootstrapAddress()
          + " did not answer within " + startupTimeout.toSeconds() + " s (data in " + dataDir
          + "); see the broker log for the cause.", e);
    }
  }

  private void stopServer() {
    KafkaRaftServer stopping = server;
    server = null;
    if (stopping == null) {
      return;
    }
    try {
      stopping.shutdown();
      stopping.awaitShutdown();
    } catch (RuntimeException e) {
      log.warn("Kafka broker in {} did not shut down cleanly", dataDir, e);
    }
  }

  private LocalKafkaException explainStartupFailure(RuntimeException e) {
    String causes = causeMessages(e);
    if (causes.contains("Failed to acquire lock")) {
      return dir.inUse(e);
    }
    if (isBindFailure(e)) {
      return new LocalKafkaException("Cannot listen on " + bootstrapAddress() + ": " + causes
          + ". Stop whatever uses the port or choose another port.", e);
    }
    return new LocalKafkaException("Kafka broker in " + dataDir + " failed to start: " + causes,
        e);
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static String causeMessages(Throwable e) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && messages.indexOf(t.getMessage()) < 0) {
        messages.append(messages.length() == 0 ? "" : ": ").append(t.getMessage());
      }
    }
    return messages.length() == 0 ? e.getClass().getName() : messages.toString();
  }

  private static int remainingMillis(long deadlineNanos) {
    long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    return (int) Math.max(1_000L, Math.min(Integer.MAX_VALUE, remaining));
  }

  static int freePort() {
    return LocalPorts.free(HOST);
  }

  /** Describes an {@link EmbeddedKafkaBroker}; nothing starts until {@link #start()}. */
  public static final class Builder {

    private final Path dataDir;
    private int port;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The client port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** An extra broker setting, overriding the single-node defaults (not the listeners). */
    public Builder brokerProperty(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (RESERVED_PROPERTIES.contains(key)) {
        throw new IllegalArgumentException("broker property '" + key
            + "' is set by EmbeddedKafkaBroker itself and cannot be overridden");
      }
      properties.put(key, value);
      return this;
    }

    public Builder brokerProperties(Map<String, String> extra) {
      extra.forEach(this::brokerProperty);
      return this;
    }

    /** How long {@link EmbeddedKafkaBroker#start()} may take before it gives up. */
    public Builder startupTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startup timeout must be positive, was " + timeout);
      }
      this.startupTimeout = timeout;
      return this;
    }

    public EmbeddedKafkaBroker build() {
      return new EmbeddedKafkaBroker(this);
    }
  }
}
