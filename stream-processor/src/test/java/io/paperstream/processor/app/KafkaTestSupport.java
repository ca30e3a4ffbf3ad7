package io.paperstream.processor.app;

import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;

/** Consumer-group progress of the processor on a real broker, for tests. */
public final class KafkaTestSupport {

  private KafkaTestSupport() {}

  /**
   * Whether the application has consumed every partition it reads to the end: its input topics
   * and its own repartition topics, including partitions it has not committed for yet.
   * {@code plainInputs} are written without transactions (by the ingest producer): there the
   * committed offset must equal the end offset. The other topics are written in transactions
   * and end with a commit marker, which a consumer may not have stepped past yet.
   */
  static boolean caughtUp(String bootstrap, String applicationId, List<String> plainInputs, List<String> txInputs) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return caughtUp(admin, applicationId, plainInputs, txInputs);
    }
  }

  /** {@link #caughtUp(String, String, List, List)} through an admin client the caller keeps open. */
  public static boolean caughtUp(Admin admin, String applicationId, List<String> plainInputs, List<String> txInputs) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      List<String> topics = new ArrayList<>(plainInputs);
      topics.addAll(txInputs);
      Map<TopicPartition, OffsetSpec> latest = latestOfEveryPartition(admin, applicationId, topics);
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      return ends.entrySet().stream().allMatch(e -> {
        long end = e.getValue().offset();
        OffsetAndMetadata at = committed.get(e.getKey());
        long offset = at == null ? 0 : at.offset();
        return plainInputs.contains(e.getKey().topic()) ? offset == end : offset >= end - 1;
      });
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Whether the trend and emerging steps have emitted every date they marked: the changelogs of
   * their stores of marked dates hold no key that was not deleted since. Caught-up offsets alone
   * do not say it, as both go out on a punctuation after the counts that marked them.
   */
  static boolean noTrendPending(String bootstrap, String applicationId) {
    for (String marks : java.util.List.of(PaperTopology.TRENDS_DIRTY_STORE, PaperTopology.EMERGING_DIRTY_STORE)) {
      Topic<String, String> dirtyDates =
          new Topic<>(applicationId + "-" + marks + "-changelog", Serdes.String(), Serdes.String());
      if (!TopicContents.table(bootstrap, dirtyDates).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether no transaction is open on any partition of {@code topics} and of the application's
   * repartition topics: their last stable offset has reached their high watermark. An instance
   * killed in the middle of a transaction leaves it open until the broker aborts it (the
   * transaction timeout, 10 s under Kafka Streams); until then a {@code read_committed} reader
   * stops before it, and so before everything the surviving instance committed after it on the
   * same partition, even once every input is consumed.
   */
  static boolean noOpenTransaction(String bootstrap, String applicationId, List<String> outputs) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetSpec> latest = latestOfEveryPartition(admin, applicationId, outputs);
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> stable = admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> written = admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
      return stable.entrySet().stream().allMatch(e -> e.getValue().offset() == written.get(e.getKey()).offset());
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The latest offset of every partition of {@code topics} and of the application's repartition topics. */
  private static Map<TopicPartition, OffsetSpec> latestOfEveryPartition(Admin admin, String applicationId,
      List<String> topics) throws ExecutionException, InterruptedException {
    List<String> all = new ArrayList<>(topics);
    admin.listTopics().names().get().stream()
        .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
        .forEach(all::add);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(all).allTopicNames().get().values().forEach(description ->
        description.partitions().forEach(p ->
            latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
    return latest;
  }

  /** The sum of the application's committed offsets on {@code topic}'s partitions (0 before any commit). */
  static long committedOn(String bootstrap, String applicationId, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      return committed.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }
}
