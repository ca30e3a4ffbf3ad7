package io.paperstream.kafka;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's Kafka when none is configured: a broker on {@code 127.0.0.1:9092} with its data
 * under {@code ${PAPERSTREAM_HOME:-~/.paperstream}/kafka}, shared by every paperstream command
 * that runs at the same time.
 *
 * <pre>{@code
 * try (LocalKafka.Handle kafka = LocalKafka.ensureRunning()) {
 *   run(kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class LocalKafka {

  public static final String HOST = EmbeddedKafkaBroker.HOST;
  public static final int DEFAULT_PORT = 9092;
  public static final String HOME_ENV = "PAPERSTREAM_HOME";
  public static final String DEFAULT_HOME_DIR = ".paperstream";
  public static final String KAFKA_SUBDIR = "kafka";

  /** How long something listening on the port gets to prove it is Kafka. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

  private LocalKafka() {}

  /** {@code $PAPERSTREAM_HOME/kafka}, or {@code ~/.paperstream/kafka} when it is unset. */
  public static Path defaultDataDir() {
    return defaultDataDir(System.getenv(), System.getProperty("user.home"));
  }

  static Path defaultDataDir(Map<String, String> env, String userHome) {
    String home = env.get(HOME_ENV);
    Path base = home == null || home.isBlank()
        ? Path.of(userHome, DEFAULT_HOME_DIR)
        : Path.of(home);
    return base.resolve(KAFKA_SUBDIR);
  }

  public static String defaultBootstrapServers() {
    return HOST + ":" + DEFAULT_PORT;
  }

  /** {@link #ensureRunning(Path, int)} with the default data directory and port. */
  public static Handle ensureRunning() {
    return ensureRunning(defaultDataDir(), DEFAULT_PORT);
  }

  /**
   * Returns a handle on the broker at {@code 127.0.0.1:port}, starting one on {@code dataDir}
   * if nothing listens there. Closing the handle stops the broker only if this call started it,
   * so another command's broker is never pulled from under it.
   *
   * @param port the port to look at or start on; 0 always starts a new broker on a free port
   * @throws LocalKafkaException if the port is held by something that is not Kafka, or the broker
   *     cannot be started (data directory unusable or in use)
   */
  public static Handle ensureRunning(Path dataDir, int port) {
    Objects.requireNonNull(dataDir, "dataDir");
    if (port != 0 && somethingListensOn(port)) {
      String bootstrap = HOST + ":" + port;
      requireKafka(bootstrap);
      log.info("Using the Kafka broker already running at {}", bootstrap);
      return new Handle(bootstrap, null);
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).port(port).build().start();
    return new Handle(broker.bootstrapServers(), broker);
  }

  // A plain connect first: "nothing there" is then known at once instead of after an admin
  // client timeout.
  private static boolean somethingListensOn(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), (int) PROBE_TIMEOUT.toMillis());
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      // Not refused, not accepted (a firewall, a hung process): let the Kafka probe decide.
      log.debug("Connecting to {}:{} failed", HOST, port, e);
      return true;
    }
  }

  private static void requireKafka(String bootstrap) {
    int timeoutMs = (int) PROBE_TIMEOUT.toMillis();
    Map<String, Object> props = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
        // Fail fast on a non-Kafka peer rather than back off between reconnects.
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
          .clusterId()
          .get(timeoutMs + 1_000L, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalKafkaException("Interrupted while checking for Kafka at " + bootstrap, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new LocalKafkaException("Something is listening on " + bootstrap
          + " but it did not answer as a Kafka broker within " + PROBE_TIMEOUT.toSeconds()
          + " s. If it is a Kafka broker that is still starting, try again; otherwise stop it or"
          + " use another port.", e);
    }
  }

  /** A broker to use; {@link #close()} stops it only if it was started for this handle. */
  public static final class Handle implements AutoCloseable {

    private final String bootstrapServers;
    private final EmbeddedKafkaBroker broker;

    private Handle(String bootstrapServers, EmbeddedKafkaBroker broker) {
      this.bootstrapServers = bootstrapServers;
      this.broker = broker;
    }

    /** {@code 127.0.0.1:PORT}, ready for {@code bootstrap.servers}. */
    public String bootstrapServers() {
      return bootstrapServers;
    }

    /** True if this handle owns the broker (and {@link #close()} will stop it). */
    public boolean startedHere() {
      return broker != null;
    }

    @Override
    public void close() {
      if (broker != null) {
        broker.close();
      }
    }

    @Override
    public String toString() {
      return "LocalKafka.Handle[" + bootstrapServers + (startedHere() ? ", started here]" : "]");
    }
  }
}
