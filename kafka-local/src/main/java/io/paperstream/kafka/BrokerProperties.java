package io.paperstream.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The settings of the single-node KRaft broker: single-node defaults, extras, then identity. */
final class BrokerProperties {

  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  // These define identity and addressing; bootstrapServers() and the format would lie if they
  // could be overridden.
  private static final Set<String> RESERVED = Set.of(
      "process.roles", "node.id", "listeners", "advertised.listeners",
      "listener.security.protocol.map", "inter.broker.listener.name", "controller.listener.names",
      "controller.quorum.voters", "controller.quorum.bootstrap.servers", "log.dirs", "log.dir",
      "metadata.log.dir");

  private BrokerProperties() {
  }

  /** Rejects a setting the broker decides itself, naming it. */
  static void requireOverridable(String key) {
    if (RESERVED.contains(key)) {
      throw new IllegalArgumentException("broker property '" + key
          + "' is set by EmbeddedKafkaBroker itself and cannot be overridden");
    }
  }

  static Map<String, Object> of(Path dataDir, int brokerPort, int controllerPort,
      Duration startupTimeout, Map<String, String> extraProperties) {
    String host = EmbeddedKafkaBroker.HOST;
    int nodeId = EmbeddedKafkaBroker.NODE_ID;
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
    props.put("node.id", String.valueOf(nodeId));
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    // A static quorum (kraft.version 0) stores no controller address in the data directory, so
    // the controller port may change between restarts.
    props.put("controller.quorum.voters", nodeId + "@" + host + ":" + controllerPort);
    props.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
        + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
    props.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
    props.put("listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", BROKER_LISTENER);
    props.put("log.dirs", dataDir.toString());
    return props;
  }
}
