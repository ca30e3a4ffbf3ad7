package io.paperstream.processor.app;

import io.paperstream.schemas.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the processor's consumer group is behind on what it reads: the raw entries, the
 * sightings and its own repartition topics. Also whether its outputs have no open transaction.
 *
 * <p>Raw entries are written without transactions, so there the committed offset must reach the
 * end offset. The other inputs are written in transactions and end with a commit marker that a
 * consumer may not have stepped past yet, so one offset short of the end is caught up.
 */
public final class LagMonitor implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 10;

  private final Admin admin;
  private final String applicationId;
  private final Topics topics;
  private final boolean exactlyOnce;

  public LagMonitor(Admin admin, String applicationId, Topics topics, boolean exactlyOnce) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.topics = topics;
    this.exactlyOnce = exactlyOnce;
  }

  /** Records not yet consumed (committed), per input topic, in topic order. */
  public Map<String, Long> lagPerInput() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = get(
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata());
    List<String> inputs = new ArrayList<>(List.of(topics.rawEntries().name(), topics.sightings().name()));
    get(admin.listTopics().names()).stream()
        .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
        .sorted()
        .forEach(inputs::add);
    Map<TopicPartition, Long> ends = endOffsets(inputs, IsolationLevel.READ_COMMITTED);
    Map<String, Long> lag = new TreeMap<>();
    inputs.forEach(topic -> lag.put(topic, 0L));
    ends.forEach((partition, end) -> {
      OffsetAndMetadata at = committed.get(partition);
      long offset = at == null ? 0 : at.offset();
      boolean transactional = exactlyOnce && !partition.topic().equals(topics.rawEntries().name());
      long behind = Math.max(0, end - offset - (transactional && end > offset ? 1 : 0));
      lag.merge(partition.topic(), behind, Long::sum);
    });
    return lag;
  }

  /** The lag split for people: raw entries not yet read at all, and the processor's internal work behind them. */
  public record Backlog(long waiting, long internal) {
    public boolean none() {
      return waiting == 0 && internal == 0;
    }
  }

  /** {@link #lagPerInput()} as entries waiting (the raw-entries topic) and internal work (sightings, repartitions). */
  public Backlog backlog() throws Exception {
    long waiting = 0;
    long internal = 0;
    for (Map.Entry<String, Long> input : lagPerInput().entrySet()) {
      if (input.getKey().equals(topics.rawEntries().name())) {
        waiting += input.getValue();
      } else {
        internal += input.getValue();
      }
    }
    return new Backlog(waiting, internal);
  }

  /**
   * The end offsets of the output topics when none has an open transaction (all output so far
   * is committed); empty while one has.
   */
  public Optional<Map<TopicPartition, Long>> committedOutputEnds() throws Exception {
    List<String> outputs = List.of(topics.papers().name(), topics.keywordDailyCounts().name(),
        topics.keywordTrends().name(), topics.keywordEmerging().name(), topics.sightings().name(),
        topics.processingDeadLetters().name());
    Map<TopicPartition, Long> committed = endOffsets(outputs, IsolationLevel.READ_COMMITTED);
    return committed.equals(endOffsets(outputs, IsolationLevel.READ_UNCOMMITTED)) ? Optional.of(committed)
        : Optional.empty();
  }

  private Map<TopicPartition, Long> endOffsets(List<String> names, IsolationLevel isolation) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    get(admin.describeTopics(names).allTopicNames()).values().forEach(description ->
        description.partitions().forEach(p ->
            latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos =
        get(admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all());
    Map<TopicPartition, Long> ends = new HashMap<>();
    infos.forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
      throws ExecutionException, InterruptedException, TimeoutException {
    return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    admin.close();
  }
}
