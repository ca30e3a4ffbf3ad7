package io.paperstream.config;

import io.paperstream.kafka.KafkaCluster;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every command that talks to Kafka: which cluster, which configuration file, where data and logs go. */
public final class ClusterOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
      description = "Kafka cluster (setting bootstrap.servers, env PAPERSTREAM_BOOTSTRAP_SERVERS). "
          + "Default: the local embedded broker on 127.0.0.1:9092, started when none is running.")
  String bootstrapServers;

  @Mixin ConfigOption config;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the local broker's data (DIR/kafka), the processor's state (DIR/streams) and the log file "
          + "(DIR/logs/paperstream.log) go (setting data-dir; default: $PAPERSTREAM_HOME, else ~/.paperstream).")
  Path dataDir;

  @Option(names = "--verbose",
      description = "The log file also gets Kafka's INFO lines (default: WARN and above).")
  boolean verbose;

  /** The settings these options select: the file, the environment, and the flags on top. */
  public Settings settings() {
    return config.settings()
        .with(KafkaCluster.BOOTSTRAP_KEY, bootstrapServers)
        .with(DataDir.KEY, dataDir == null ? null : dataDir.toString());
  }

  public boolean verbose() {
    return verbose;
  }
}
