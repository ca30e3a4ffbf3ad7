package io.paperstream.ingest.feed;

import io.paperstream.kafka.TopicReader;
import io.paperstream.schemas.FetchLogEntry;
import io.paperstream.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's memory: the last fetch of every page, kept in a compacted Kafka topic keyed by URL
 * and mirrored in memory. Restored by reading the topic to its end on start, so a restarted feed
 * knows what it fetched, with which validators and content, and what keeps failing.
 *
 * <p>The ingest log of {@code papers ingest} is the same mechanism on its own topic, keyed by
 * source and content fingerprint ({@link #record(String, FetchLogEntry)}).
 */
public final class FetchLog {

  private static final Logger LOG = LoggerFactory.getLogger(FetchLog.class);
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

  private final Topic<String, FetchLogEntry> topic;
  private final Producer<byte[], byte[]> producer;
  private final Map<String, FetchLogEntry> byUrl = new ConcurrentHashMap<>();
  private final AtomicLong failedWrites = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

  private FetchLog(Topic<String, FetchLogEntry> topic, Producer<byte[], byte[]> producer) {
    this.topic = topic;
    this.producer = producer;
  }

  /** Reads the whole topic (to the end offsets found now) and writes new entries with {@code producer}. */
  public static FetchLog restore(String bootstrapServers, Properties clientOverrides, Topic<String, FetchLogEntry> topic,
      Producer<byte[], byte[]> producer) {
    FetchLog log = new FetchLog(topic, producer);
    Properties config = new Properties();
    config.putAll(clientOverrides);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperstream-feed-restore");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      long[] read = {0};
      TopicReader.readToEnd(consumer, topic.name(), RESTORE_TIMEOUT, record -> {
        log.restoreOne(record);
        read[0]++;
      });
      LOG.info("Log {}: {} pages known ({} records read)", topic.name(), log.byUrl.size(), read[0]);
    }
    return log;
  }

  private void restoreOne(ConsumerRecord<byte[], byte[]> record) {
    String url = topic.keySerde().deserializer().deserialize(topic.name(), record.key());
    if (url == null) {
      return;
    }
    if (record.value() == null) {
      byUrl.remove(url);
      return;
    }
    try {
      byUrl.put(url, topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
    } catch (RuntimeException e) {
      // one unreadable record costs the memory of one page (fetched again), not the feed
      LOG.warn("Fetch log {}: skipping unreadable record for {} at offset {}: {}", topic.name(), url,
          record.offset(), e.getMessage());
    }
  }

  /** The entry logged under {@code key}: the URL for the feed. */
  public Optional<FetchLogEntry> get(String key) {
    return Optional.ofNullable(byUrl.get(key));
  }

  List<FetchLogEntry> entries() {
    return List.copyOf(byUrl.values());
  }

  void record(FetchLogEntry entry) {
    record(entry.getUrl(), entry);
  }

  /** Remembers {@code entry} under {@code key} (sent asynchronously; a failed write is counted and logged). */
  public void record(String key, FetchLogEntry entry) {
    byUrl.put(key, entry);
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), entry);
    producer.send(new ProducerRecord<>(topic.name(), keyBytes, value), (metadata, error) -> {
      if (error != null) {
        failedWrites.incrementAndGet();
        firstFailure.compareAndSet(null, error);
        LOG.error("could not write the log entry of {} to {}: {}", key, topic.name(), error.toString());
      }
    });
  }

  /** Writes that failed: the page will be fetched again after a restart (duplicates, never loss). */
  public long failedWrites() {
    return failedWrites.get();
  }
}
