package io.paperstream.kafka;

import io.paperstream.config.DataDir;
import io.paperstream.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papers broker}: the local Kafka broker in the foreground, until Ctrl-C or SIGTERM. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local single-node Kafka broker (KRaft) in the foreground until Ctrl-C.",
      "Other papers commands use it when no Kafka cluster is configured."
    })
public final class BrokerCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(BrokerCommand.class);
  // Longer than a clean broker shutdown takes, shorter than an impatient user's second Ctrl-C.
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

  @Spec
  private CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Kafka data directory, kept across runs (default: setting local.data-dir, else"
          + " <data-dir>/kafka: $PAPERSTREAM_DATA_DIR/kafka, $PAPERSTREAM_HOME/kafka or ~/.paperstream/kafka),"
          + " where the other commands look for it.")
  private Path dataDir;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Client port on 127.0.0.1; 0 picks a free one (default: setting local.port, else "
          + LocalKafka.DEFAULT_PORT + "), where the other commands look for it.")
  private Integer port;

  /** Where the settings come from ($PAPERSTREAM_CONFIG and PAPERSTREAM_* variables); tests give their own. */
  private final Supplier<Settings> settings;

  public BrokerCommand() {
    this(() -> Settings.load(null));
  }

  BrokerCommand(Supplier<Settings> settings) {
    this.settings = settings;
  }

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() {
    // the same defaults KafkaCluster.connect uses to find or start the local broker, so that a
    // broker kept running here is the one the other commands find
    Settings configured = settings.get();
    Path dir = dataDir != null ? dataDir : DataDir.kafka(configured);
    int port = this.port != null ? this.port : KafkaCluster.localPort(configured);
    // Registered before start so that Ctrl-C during a slow start still shuts down cleanly.
    Thread hook = new Thread(this::stopAndWait, "papers-broker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir).port(port).build()) {
      broker.start();
      spec.commandLine().getOut().printf("broker ready at %s, data in %s%n",
          broker.bootstrapServers(), broker.dataDir());
      spec.commandLine().getOut().flush();
      stopRequested.await();
      log.info("Stopping the broker at {}", broker.bootstrapServers());
      return 0;
    } catch (LocalKafkaException e) {
      log.debug("Broker failed", e);
      spec.commandLine().getErr().println("papers broker: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      // try-with-resources has closed the broker by now.
      stopped.countDown();
      removeHook(hook);
    }
  }

  /** Asks a running {@link #call()} to stop the broker and return, as Ctrl-C would. */
  void requestStop() {
    stopRequested.countDown();
  }

  // The JVM exits as soon as the hooks return: hold it until the broker has flushed and closed.
  private void stopAndWait() {
    requestStop();
    try {
      if (!stopped.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("The broker did not stop within {} s; exiting anyway",
            SHUTDOWN_GRACE.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running, or about to, and is harmless.
    }
  }
}
