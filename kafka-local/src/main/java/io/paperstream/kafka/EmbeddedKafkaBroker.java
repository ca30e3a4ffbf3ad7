package io.paperstream.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
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
      dir.formatIfNeeded(NODE_ID, BrokerProperties.CONTROLLER_LISTENER);
      startServer();
      BrokerReadiness.await(bootstrapAddress(), dataDir, startupTimeout, deadline);
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
          new KafkaRaftServer(new KafkaConfig(BrokerProperties.of(dataDir, brokerPort,
              controllerPort, startupTimeout, extraProperties), false), Time.SYSTEM);
      // Published before startup so that close() can stop a startup that fails half-way.
      server = candidate;
      port = brokerPort;
      try {
        candidate.startup();
        return;
      } catch (RuntimeException e) {
        stopServer();
        if (BrokerStartupFailure.isBindFailure(e) && attempt < START_ATTEMPTS) {
          log.debug("Port race while starting Kafka (attempt {}), retrying with new ports", attempt,
              e);
          continue;
        }
        throw BrokerStartupFailure.explain(e, bootstrapAddress(), dataDir, dir);
      }
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
      BrokerProperties.requireOverridable(key);
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
