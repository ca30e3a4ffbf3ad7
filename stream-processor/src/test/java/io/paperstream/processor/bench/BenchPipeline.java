package io.paperstream.processor.bench;

import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.TopicAdmin;
import io.paperstream.processor.app.KafkaTestSupport;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * One benchmark variant's world on a shared broker: its own topics, application id and state
 * directory, the processor's settings as the product reads them, and the test for "caught up".
 */
final class BenchPipeline implements AutoCloseable {

  final String bootstrapServers;
  final Settings settings;
  final Topics topics;
  final String applicationId;
  final String bareOutput;
  private final Admin admin;

  BenchPipeline(String bootstrapServers, Path stateDir, Settings overrides) {
    this.bootstrapServers = bootstrapServers;
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Settings settings = overrides.with(KafkaCluster.BOOTSTRAP_KEY, bootstrapServers);
    for (String logical : Topics.DEFAULT_NAMES.keySet()) {
      settings = settings.with("topics." + logical, logical + "-" + suffix);
    }
    this.applicationId = "bench-" + suffix;
    this.settings = settings
        .with(ProcessorSettings.APPLICATION_ID_KEY, applicationId)
        .with(ProcessorSettings.STATE_DIR_KEY, stateDir.resolve(suffix).toString());
    this.topics = PipelineTopics.from(this.settings);
    this.bareOutput = "bare-counts-" + suffix;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  void createTopics() {
    List<NewTopic> all = new ArrayList<>(PipelineTopics.allTopics(topics, settings));
    all.add(new NewTopic(bareOutput, java.util.Optional.of(settings.getInt(PipelineTopics.PARTITIONS_KEY,
        PipelineTopics.DEFAULT_PARTITIONS)), java.util.Optional.empty()));
    TopicAdmin.ensureTopics(admin, all);
  }

  RawEntryProducer producer() {
    return RawEntryProducer.connect(bootstrapServers, new Properties(), topics);
  }

  void produce(List<RawEntry> entries) {
    try (RawEntryProducer producer = producer()) {
      entries.forEach(producer::entry);
      producer.flush();
    }
  }

  /** The Streams settings of the processor, for the paperstream topology or the bare baseline. */
  Properties streamsConfig(String applicationId) {
    Properties config = new ProcessorSettings(settings).streamsConfig(bootstrapServers, settings.kafkaClientOverrides());
    config.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    return config;
  }

  /**
   * Whether {@code applicationId} has consumed everything it reads: the raw entries (written
   * without transactions: committed offset = end), its transactional inputs and repartition
   * topics (they end with a commit marker the consumer may not have stepped past).
   */
  boolean caughtUp(String applicationId, List<String> txInputs) {
    return KafkaTestSupport.caughtUp(admin, applicationId, List.of(topics.rawEntries().name()), txInputs);
  }

  /** The processor has caught up and emitted every trend it marked. */
  boolean processorDone(KafkaStreams streams) {
    return caughtUp(applicationId, List.of(topics.sightings().name())) && noTrendPending(streams);
  }

  private static boolean noTrendPending(KafkaStreams streams) {
    try (KeyValueIterator<String, Object> dirty = streams.store(StoreQueryParameters.fromNameAndType(
        PaperTopology.TRENDS_DIRTY_STORE, QueryableStoreTypes.<String, Object>keyValueStore())).all()) {
      return !dirty.hasNext();
    } catch (InvalidStateStoreException e) {
      return false;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
