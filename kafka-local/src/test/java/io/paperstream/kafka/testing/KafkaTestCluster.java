package io.paperstream.kafka.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real multi-broker KRaft cluster in this JVM (Kafka's own {@link KafkaClusterTestKit}): one
 * controller and {@code brokers} brokers on free ports, replicated as a production cluster is
 * (internal topics and new topics with replication factor {@code min(3, brokers)},
 * {@code min.insync.replicas} 2), optionally with SASL/PLAIN on the client listener.
 */
public final class KafkaTestCluster implements AutoCloseable {

  /** A SASL/PLAIN user of the cluster (the test kit's own JAAS file defines it). */
  public static final String SASL_USER = JaasUtils.KAFKA_PLAIN_USER1;
  public static final String SASL_PASSWORD = JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;

  private final KafkaClusterTestKit kit;

  private KafkaTestCluster(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  /** {@code brokers} brokers speaking PLAINTEXT. */
  public static KafkaTestCluster start(int brokers) throws Exception {
    return start(brokers, SecurityProtocol.PLAINTEXT);
  }

  /** {@code brokers} brokers whose client listener speaks SASL/PLAIN (no TLS). */
  public static KafkaTestCluster startWithSaslPlain(int brokers) throws Exception {
    return start(brokers, SecurityProtocol.SASL_PLAINTEXT);
  }

  private static KafkaTestCluster start(int brokers, SecurityProtocol protocol) throws Exception {
    TestKitNodes nodes = new TestKitNodes.Builder()
        .setCombined(false)
        .setNumControllerNodes(1)
        .setNumBrokerNodes(brokers)
        .setBrokerSecurityProtocol(protocol)
        // the test kit's default enables unreleased features; a user's cluster runs released ones
        .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
        .build();
    String replication = String.valueOf(Math.min(3, brokers));
    String minInSync = String.valueOf(Math.min(2, brokers));
    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
    for (Map.Entry<String, String> setting : Map.of(
        "offsets.topic.replication.factor", replication,
        "transaction.state.log.replication.factor", replication,
        "transaction.state.log.min.isr", minInSync,
        "default.replication.factor", replication,
        "min.insync.replicas", minInSync,
        "auto.create.topics.enable", "false",
        "group.initial.rebalance.delay.ms", "0",
        // the test kit denies users without ACLs; here authentication is under test, not ACLs
        "allow.everyone.if.no.acl.found", "true",
        "unstable.feature.versions.enable", "false",
        "unstable.api.versions.enable", "false").entrySet()) {
      builder.setConfigProp(setting.getKey(), setting.getValue());
    }
    KafkaClusterTestKit kit = builder.build();
    try {
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return new KafkaTestCluster(kit);
    } catch (Exception e) {
      kit.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  /** The broker ids, e.g. to stop one. */
  public java.util.Set<Integer> brokerIds() {
    return kit.brokers().keySet();
  }

  /** Shuts one broker down (a controlled shutdown: its partitions' leadership moves first). */
  public void stopBroker(int id) {
    kit.brokers().get(id).shutdown();
    kit.brokers().get(id).awaitShutdown();
  }

  /** Client settings for a SASL/PLAIN cluster, as {@code kafka.*} settings would give them. */
  public static Properties saslClientProperties(String user, String password) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("security.protocol", "SASL_PLAINTEXT");
    settings.put("sasl.mechanism", "PLAIN");
    settings.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
        + "username=\"" + user + "\" password=\"" + password + "\";");
    Properties properties = new Properties();
    properties.putAll(settings);
    return properties;
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
