package io.paperstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

  @TempDir
  Path tmp;

  @Test
  void startsABrokerWhenNoneRunsAndReusesItAfterwards() throws Exception {
    // given nothing listening on a free port
    int port = EmbeddedKafkaBroker.freePort();
    Path firstDir = tmp.resolve("first");
    Path secondDir = tmp.resolve("second");

    // when one caller ensures a broker there, then another does
    try (LocalKafka.Handle first = LocalKafka.ensureRunning(firstDir, port)) {
      LocalKafka.Handle second = LocalKafka.ensureRunning(secondDir, port);

      // then the first started it, the second reused it without starting (or formatting) another
      assertThat(first.startedHere()).isTrue();
      assertThat(first.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(second.startedHere()).isFalse();
      assertThat(second.bootstrapServers()).isEqualTo(first.bootstrapServers());
      assertThat(secondDir).doesNotExist();

      // and closing the borrowed handle leaves the broker running for its owner
      second.close();
      try (Admin admin = TestClients.admin(first.bootstrapServers())) {
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      }
    }
  }

  @Test
  void refusesAPortHeldBySomethingThatIsNotKafka() throws Exception {
    // given a server on the port that accepts connections but never speaks Kafka
    try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = mute.getLocalPort();

      // when / then
      assertThatThrownBy(() -> LocalKafka.ensureRunning(tmp.resolve("kafka"), port))
          .isInstanceOf(LocalKafkaException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageContaining("did not answer as a Kafka broker");
      assertThat(tmp.resolve("kafka")).doesNotExist();
    }
  }

  @Test
  void defaultDataDirFollowsPaperstreamHome() {
    // given / when / then
    assertThat(LocalKafka.defaultDataDir(Map.of("PAPERSTREAM_HOME", "/srv/papers"), "/home/ada"))
        .isEqualTo(Path.of("/srv/papers/kafka"));
    assertThat(LocalKafka.defaultDataDir(Map.of(), "/home/ada"))
        .isEqualTo(Path.of("/home/ada/.paperstream/kafka"));
    assertThat(LocalKafka.defaultDataDir(Map.of("PAPERSTREAM_HOME", " "), "/home/ada"))
        .isEqualTo(Path.of("/home/ada/.paperstream/kafka"));
  }
}
