package io.paperstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  @TempDir
  Path dataDir;

  @Test
  void producesAndConsumesThroughARealBroker() throws Exception {
    // given a broker on a fresh data directory, with a topic
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).port(0).build()) {
      broker.start();
      String bootstrap = broker.bootstrapServers();
      assertThat(bootstrap).startsWith("127.0.0.1:").doesNotEndWith(":0");
      try (Admin admin = TestClients.admin(bootstrap)) {
        TopicAdmin.ensureTopics(admin, List.of(TopicSpec.of("papers", 1).toNewTopic()));
      }

      // when a record is produced and read back by a consumer group
      TestClients.produce(bootstrap, "papers", "arxiv:2401.00001", "Attention, again");
      var records = TestClients.readAsGroup(bootstrap, "papers", "test-group", 1);

      // then it arrives intact
      assertThat(records).singleElement().satisfies(r -> {
        assertThat(r.key()).isEqualTo("arxiv:2401.00001");
        assertThat(r.value()).isEqualTo("Attention, again");
      });
    }
  }

  @Test
  void keepsDataAcrossRestartsOnTheSameDirectory() throws Exception {
    // given a broker that stored a record, then stopped
    String metaBefore;
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder(dataDir).port(0).build().start()) {
      try (Admin admin = TestClients.admin(first.bootstrapServers())) {
        TopicAdmin.ensureTopics(admin, List.of(TopicSpec.of("kept", 1).toNewTopic()));
      }
      TestClients.produce(first.bootstrapServers(), "kept", "k", "survives restarts");
      metaBefore = Files.readString(dataDir.resolve("meta.properties"));
    }

    // when a new broker starts on the same directory
    try (EmbeddedKafkaBroker second =
        EmbeddedKafkaBroker.builder(dataDir).port(0).build().start()) {

      // then the directory was not reformatted and the record is still there
      assertThat(Files.readString(dataDir.resolve("meta.properties"))).isEqualTo(metaBefore);
      var records = TestClients.readFromStart(second.bootstrapServers(), "kept", 1);
      assertThat(TestClients.values(records)).containsExactly("survives restarts");
    }
  }

  @Test
  void refusesADataDirectoryAnotherBrokerIsUsing() throws Exception {
    // given a running broker
    try (EmbeddedKafkaBroker running = EmbeddedKafkaBroker.builder(dataDir).build().start()) {

      // when a second broker is started on the same directory
      EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder(dataDir).build();

      // then it is refused before it can touch the metadata log, and the first one carries on
      assertThatThrownBy(second::start)
          .isInstanceOf(LocalKafkaException.class)
          .hasMessageContaining("in use by another Kafka broker");
      try (Admin admin = TestClients.admin(running.bootstrapServers())) {
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      }
    }
  }

  @Test
  void closeIsIdempotentAndSafeBeforeStart() {
    // given a broker that was never started
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).build();

    // when it is closed twice
    broker.close();
    broker.close();

    // then it is simply not running, and cannot be started any more
    assertThat(broker.isRunning()).isFalse();
    assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(broker::bootstrapServers).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesADataDirectoryThatIsAFile() throws Exception {
    // given a regular file where the data directory should be
    Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");

    // when / then
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder(file).build().start())
        .isInstanceOf(LocalKafkaException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a directory");
  }

  @Test
  void refusesToFormatADirectoryWithSomethingElseInIt() throws Exception {
    // given a non-empty directory that Kafka never formatted (say, a mistyped --data-dir)
    Files.writeString(dataDir.resolve("thesis.tex"), "\\documentclass{article}");

    // when / then
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir).build().start())
        .isInstanceOf(LocalKafkaException.class)
        .hasMessageContaining("not empty")
        .hasMessageContaining("thesis.tex");
    assertThat(dataDir.resolve("meta.properties")).doesNotExist();
  }

  @Test
  void reportsAPortThatIsAlreadyTaken() throws Exception {
    // given a port held by some other server
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = squatter.getLocalPort();

      // when / then
      assertThatThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir).port(port).build().start())
          .isInstanceOf(LocalKafkaException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void doesNotLetExtraPropertiesRedefineListeners() {
    // given / when / then
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir).brokerProperty("listeners", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listeners");
  }
}
