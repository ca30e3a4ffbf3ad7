package io.paperstream.processor.app;

import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.TopicAdmin;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running processor: the topics created up front, then the topology under Kafka Streams. */
public final class PaperProcessor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PaperProcessor.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final WarmUp warmUp;
  private final StreamThreadFailures failures;
  private final CountDownLatch terminated = new CountDownLatch(1);

  private PaperProcessor(KafkaStreams streams, WarmUp warmUp, StreamThreadFailures failures) {
    this.streams = streams;
    this.warmUp = warmUp;
    this.failures = failures;
  }

  /** Creates the missing topics on {@code cluster} and starts processing. */
  public static PaperProcessor start(KafkaCluster cluster, Settings settings) {
    return start(cluster, settings, streams -> { });
  }

  /**
   * As {@link #start(KafkaCluster, Settings)}, with {@code beforeStart} given the streams
   * instance before it starts: the place to bind metrics or add listeners, which Kafka Streams
   * accepts only in the CREATED state.
   */
  public static PaperProcessor start(KafkaCluster cluster, Settings settings, Consumer<KafkaStreams> beforeStart) {
    ProcessorSettings processorSettings = new ProcessorSettings(settings);
    // from the start: the topic creation and the first rebalance leave the cores idle
    WarmUp warmUp = WarmUp.start(processorSettings.warmUpPapers(), processorSettings.topologyOptions().keywordsPerPaper());
    try {
      return start(cluster, settings, processorSettings, beforeStart, warmUp);
    } catch (RuntimeException e) {
      warmUp.close();
      throw e;
    }
  }

  private static PaperProcessor start(KafkaCluster cluster, Settings settings, ProcessorSettings processorSettings,
      Consumer<KafkaStreams> beforeStart, WarmUp warmUp) {
    Topics topics = processorSettings.topics();
    int partitions;
    try (Admin admin = cluster.admin()) {
      TopicAdmin.ensureTopics(admin, PipelineTopics.allTopics(topics, settings));
      partitions = CoPartitionedTopics.require(admin, List.of(topics.rawEntries().name(), topics.sightings().name()));
    }
    Topology topology =
        PaperTopology.buildTopology(topics, processorSettings.topologyOptions().withPartitions(partitions));
    Properties config = processorSettings.streamsConfig(cluster.bootstrapServers(), cluster.clientOverrides());
    KafkaStreams streams = newStreams(topology, config);
    StoppedThreadDeparture departure = new StoppedThreadDeparture(cluster::admin,
        config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
        Optional.ofNullable((String) config.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))));
    StreamThreadFailures failures = new StreamThreadFailures(ProcessorSettings.APPLICATION_ID_KEY, departure::leave);
    streams.setUncaughtExceptionHandler(failures);
    PaperProcessor processor = new PaperProcessor(streams, warmUp, failures);
    streams.setStateListener((now, before) -> {
      LOG.info("processor {} -> {}", before, now);
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        processor.terminated.countDown();
      }
    });
    beforeStart.accept(streams);
    streams.start();
    return processor;
  }

  /** Kafka Streams on {@code config}; a state directory another processor holds is said as what it means here. */
  private static KafkaStreams newStreams(Topology topology, Properties config) {
    try {
      return new KafkaStreams(topology, config);
    } catch (StreamsException e) {
      // Kafka's words when another process holds the state directory's lock (StateDirectory)
      if (e.getMessage() != null && e.getMessage().startsWith("Unable to initialize state")) {
        throw new IllegalStateException("the state directory " + config.get(StreamsConfig.STATE_DIR_CONFIG)
            + " is in use by another processor (papers run or papers process on the same data directory): stop "
            + "that one, or give this one a data directory of its own (--data-dir, PAPERSTREAM_HOME) or its own "
            + ProcessorSettings.STATE_DIR_KEY, e);
      }
      throw e;
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** Whether the processor has stopped, by {@link #close()} or by a fatal error. */
  public boolean terminated() {
    return terminated.getCount() == 0;
  }

  /** Why the processor stopped, when a failure no stream thread can get past stopped it (one line, said to the user). */
  public Optional<String> stopReason() {
    return failures.stopReason();
  }

  /** Blocks until the processor has stopped, by {@link #close()} or by a fatal error. */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /**
   * Stops processing: the last transaction committed, the state flushed, and the consumer group
   * left, so that the other instances take this one's tasks over at once rather than after
   * the session timeout (a static member is otherwise kept for its return). A crash leaves
   * the group nothing: static membership then gives the restarted instance its place back.
   */
  @Override
  public void close() {
    warmUp.close();
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
  }
}
