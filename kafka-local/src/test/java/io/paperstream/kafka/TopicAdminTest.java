package io.paperstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicAdminTest {

  @TempDir
  static Path dataDir;

  private static EmbeddedKafkaBroker broker;
  private static Admin admin;

  // One broker for the class: the tests use distinct topic names and a start costs seconds.
  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.builder(dataDir).port(0).build().start();
    admin = TestClients.admin(broker.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    if (admin != null) {
      admin.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void createsMissingTopicsReadyToUse() throws Exception {
    // given two topics that do not exist, one with a config override
    List<NewTopic> topics = List.of(
        TopicSpec.of("created-a", 3).toNewTopic(),
        new TopicSpec("created-b", 1, (short) 1, Map.of("cleanup.policy", "compact"))
            .toNewTopic());

    // when
    Set<String> created = TopicAdmin.ensureTopics(admin, topics);

    // then both exist with leaders on every partition, as declared
    assertThat(created).containsExactlyInAnyOrder("created-a", "created-b");
    Map<String, TopicDescription> described =
        admin.describeTopics(List.of("created-a", "created-b")).allTopicNames().get();
    assertThat(described.get("created-a").partitions()).hasSize(3)
        .allSatisfy(p -> assertThat(p.leader()).isNotNull());
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "created-b");
    Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
  }

  @Test
  void isIdempotentAndLeavesExistingTopicsAlone() throws Exception {
    // given a topic that already exists with 1 partition
    TopicAdmin.ensureTopics(admin, List.of(TopicSpec.of("existing", 1).toNewTopic()));

    // when it is ensured again, now declared with 4 partitions, next to a new one
    Set<String> created = TopicAdmin.ensureTopics(admin, List.of(
        TopicSpec.of("existing", 4).toNewTopic(), TopicSpec.of("newcomer", 1).toNewTopic()));

    // then only the new one was created and the existing one kept its partitions
    assertThat(created).containsExactly("newcomer");
    assertThat(admin.describeTopics(List.of("existing")).allTopicNames().get()
        .get("existing").partitions()).hasSize(1);
    assertThat(TopicAdmin.ensureTopics(admin, List.of(TopicSpec.of("newcomer", 1).toNewTopic())))
        .isEmpty();
  }

  @Test
  void toleratesAnotherClientCreatingTheSameTopicConcurrently() throws Exception {
    // given two clients racing to declare the same topic
    List<NewTopic> topics = List.of(TopicSpec.of("raced", 2).toNewTopic());
    try (Admin other = TestClients.admin(broker.bootstrapServers())) {

      // when both ensure it at once
      CompletableFuture<Set<String>> first =
          CompletableFuture.supplyAsync(() -> TopicAdmin.ensureTopics(admin, topics));
      CompletableFuture<Set<String>> second =
          CompletableFuture.supplyAsync(() -> TopicAdmin.ensureTopics(other, topics));

      // then both succeed and at most one reports having created it
      Set<String> a = first.get(30, TimeUnit.SECONDS);
      Set<String> b = second.get(30, TimeUnit.SECONDS);
      assertThat(a.size() + b.size()).isEqualTo(1);
    }
  }

  @Test
  void emptyDeclarationDoesNothing() {
    // given / when / then
    assertThat(TopicAdmin.ensureTopics(admin, List.of())).isEmpty();
  }

  @Test
  void reportsTopicsTheBrokerCannotCreate() {
    // given a replication factor the single node cannot satisfy
    List<NewTopic> topics = List.of(new TopicSpec("impossible", 1, (short) 3, Map.of()).toNewTopic());

    // when / then
    assertThatThrownBy(() -> TopicAdmin.ensureTopics(admin, topics))
        .isInstanceOf(LocalKafkaException.class)
        .hasMessageContaining("impossible");
  }

  @Test
  void topicSpecRejectsNonsense() {
    // given / when / then
    assertThatThrownBy(() -> TopicSpec.of(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TopicSpec.of("t", 0)).hasMessageContaining("partitions");
    assertThatThrownBy(() -> new TopicSpec("t", 1, (short) 0, Map.of()))
        .hasMessageContaining("replication factor");
  }
}
