package io.paperstream.ingest.feed;

import io.paperstream.config.Durations;
import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.TopicAdmin;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one instance that polls the daily feed, however many run, with Kafka itself: every
 * candidate joins one consumer group on a single-partition topic, and the member the group
 * assigns that partition leads. A leader that stops leaves the group and another member is
 * assigned the partition at once; one that crashes is replaced once its session times out
 * ({@code feed.failover-timeout}). Nothing is ever written to the topic.
 *
 * <p>The sticky assignor keeps the partition with its member when others join or leave, so a
 * new instance does not interrupt the poller.
 */
public final class FeedElection implements AutoCloseable {

  public static final String TOPIC_KEY = "feed.election-topic";
  public static final String GROUP_KEY = "feed.election-group";
  public static final String FAILOVER_KEY = "feed.failover-timeout";
  public static final String DEFAULT_TOPIC = "paper-feed-election";
  public static final String DEFAULT_GROUP = "paperstream-feed-election";
  public static final Duration DEFAULT_FAILOVER = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(FeedElection.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /** Told when this instance becomes the poller and when it stops being it; called on the election thread. */
  public interface Listener {
    void elected();

    void deposed();
  }

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final Listener listener;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;

  private FeedElection(KafkaConsumer<byte[], byte[]> consumer, String topic, Listener listener) {
    this.consumer = consumer;
    this.topic = topic;
    this.listener = listener;
    this.thread = new Thread(this::run, "paperstream-feed-election");
    this.thread.setDaemon(true);
  }

  /** Creates the election topic when missing and joins the election; {@code listener} hears the outcome. */
  public static FeedElection start(KafkaCluster cluster, Settings settings, Listener listener) {
    String topic = settings.get(TOPIC_KEY, DEFAULT_TOPIC);
    try (Admin admin = cluster.admin()) {
      TopicAdmin.ensureTopics(admin, List.of(electionTopic(topic, settings)));
    }
    Duration failover = Durations.parse(settings.get(FAILOVER_KEY, DEFAULT_FAILOVER.toString()));
    Properties config = cluster.clientOverrides();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.get(GROUP_KEY, DEFAULT_GROUP));
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperstream-feed-election");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(failover.toMillis()));
    config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(Math.max(500, failover.toMillis() / 10)));
    FeedElection election = new FeedElection(
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()), topic, listener);
    election.thread.start();
    return election;
  }

  private static NewTopic electionTopic(String name, Settings settings) {
    short replication = (short) settings.getInt(PipelineTopics.REPLICATION_KEY, PipelineTopics.DEFAULT_REPLICATION);
    return new NewTopic(name, Optional.of(1), Optional.of(replication)).configs(Map.of("cleanup.policy", "delete"));
  }

  /** Whether this instance is the poller now. */
  public boolean leading() {
    return leading.get();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          if (!partitions.isEmpty() && leading.compareAndSet(false, true)) {
            LOG.info("Elected to poll the daily feed (group {})", consumer.groupMetadata().groupId());
            listener.elected();
          }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          depose(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
          depose(partitions);
        }
      });
      while (!closed.get()) {
        consumer.poll(POLL);
      }
    } catch (WakeupException e) {
      // close() woke the poll: leave the group below
    } catch (RuntimeException e) {
      LOG.error("The feed election failed; this instance stops polling the feed: {}", e.getMessage());
    } finally {
      try {
        // leaving the group hands the partition to another member now, not after the session timeout
        consumer.close();
      } finally {
        depose(List.of(new TopicPartition(topic, 0)));
      }
    }
  }

  private void depose(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty() && leading.compareAndSet(true, false)) {
      LOG.info("No longer the feed poller");
      listener.deposed();
    }
  }

  /** Leaves the election (a leader steps down first) and waits until it has. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      consumer.wakeup();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
