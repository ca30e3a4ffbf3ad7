package io.paperstream.ingest.produce;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.paperstream.ingest.EntrySink;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.ProvenanceHeaders;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces raw entries and dead letters to Kafka, keyed and with provenance headers.
 *
 * <p>Sends are asynchronous; a send that fails after the producer's own retries is counted, and
 * {@link #close()} fails loudly if any did, so that nothing is lost without the caller knowing.
 */
public final class RawEntryProducer implements EntrySink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RawEntryProducer.class);

  private final Producer<byte[], byte[]> producer;
  private final Topic<String, RawEntry> entries;
  private final Topic<String, DeadLetter> deadLetters;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private volatile Acknowledgements current = new Acknowledgements();

  /**
   * The records sent since the last {@link #whenAcknowledged} call, and what to do once Kafka has
   * acknowledged them all: sends complete out of order across partitions, so they are counted.
   */
  private static final class Acknowledgements {
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean failed;
    private volatile boolean closed;
    private volatile Runnable onSuccess;

    void acknowledged(boolean ok) {
      failed |= !ok;
      if (pending.decrementAndGet() == 0 && closed) {
        complete();
      }
    }

    void close(Runnable action) {
      onSuccess = action;
      closed = true;
      if (pending.get() == 0) {
        complete();
      }
    }

    private void complete() {
      if (done.compareAndSet(false, true) && !failed) {
        onSuccess.run();
      }
    }
  }

  public RawEntryProducer(Producer<byte[], byte[]> producer, Topics topics) {
    this.producer = producer;
    this.entries = topics.rawEntries();
    this.deadLetters = topics.rawDeadLetters();
  }

  /** A producer on {@code bootstrapServers} with paperstream's delivery settings. */
  public static RawEntryProducer connect(String bootstrapServers, Properties overrides, Topics topics) {
    return new RawEntryProducer(
        new KafkaProducer<>(producerConfig(bootstrapServers, overrides), new ByteArraySerializer(), new ByteArraySerializer()),
        topics);
  }

  /**
   * Delivery settings: idempotent with {@code acks=all}, so retries never duplicate or reorder
   * an entry; lz4, which costs little CPU on small machines and shrinks text-heavy records about
   * 2x; and 256 KiB batches with a 10 ms linger, because the default 16 KiB batch caps
   * throughput at a fraction of what the broker takes (see BENCHMARKS.md). The tuning can be
   * overridden with {@code kafka.*} settings; idempotence and acks cannot ({@code ClientGuarantees}).
   */
  public static Properties producerConfig(String bootstrapServers, Properties overrides) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "paperstream-ingest");
    config.putAll(overrides);
    return config;
  }

  @Override
  public void entry(RawEntry entry) {
    String key = PaperKeys.provisionalKey(entry.getArxivId(), entry.getTitle());
    RecordHeaders headers = new RecordHeaders();
    headers.add(ProvenanceHeaders.SOURCE, entry.getSource().getBytes(UTF_8));
    headers.add(ProvenanceHeaders.SOURCE_KIND, entry.getSourceKind().name().getBytes(UTF_8));
    headers.add(ProvenanceHeaders.PAGE_FINGERPRINT, entry.getPageFingerprint().getBytes(UTF_8));
    headers.add(ProvenanceHeaders.POSITION, String.valueOf(entry.getPosition()).getBytes(UTF_8));
    headers.add(ProvenanceHeaders.FETCHED_AT, entry.getFetchedAt().toString().getBytes(UTF_8));
    send(entries, key, entry, headers);
  }

  @Override
  public void deadLetter(DeadLetter deadLetter) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(ProvenanceHeaders.SOURCE, deadLetter.getSource().getBytes(UTF_8));
    headers.add(ProvenanceHeaders.STAGE, deadLetter.getStage().getBytes(UTF_8));
    if (deadLetter.getPosition() != null) {
      headers.add(ProvenanceHeaders.POSITION, String.valueOf(deadLetter.getPosition()).getBytes(UTF_8));
    }
    send(deadLetters, deadLetter.getSource(), deadLetter, headers);
  }

  private <V> void send(Topic<String, V> topic, String key, V value, RecordHeaders headers) {
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    Acknowledgements group = current;
    group.pending.incrementAndGet();
    producer.send(new ProducerRecord<>(topic.name(), null, keyBytes, valueBytes, headers), (metadata, error) -> {
      group.acknowledged(error == null);
      if (error == null) {
        sent.incrementAndGet();
      } else {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, error);
        LOG.error("could not produce record with key {} to {}: {}", key, topic.name(), error.toString());
      }
    });
  }

  /**
   * Runs {@code action} (on the producer's I/O thread: keep it short) once every record sent since
   * the previous call is acknowledged; never, if any of them failed. What the ingest log uses to
   * remember a page only after all of it reached Kafka.
   */
  public void whenAcknowledged(Runnable action) {
    Acknowledgements closing = current;
    current = new Acknowledgements();
    closing.close(action);
  }

  /** The producer, for records that go with the entries (the ingest log). */
  public Producer<byte[], byte[]> producer() {
    return producer;
  }

  /** Waits until every record sent so far is acknowledged or has failed. */
  public void flush() {
    producer.flush();
  }

  public long acknowledged() {
    return sent.get();
  }

  /** Flushes and closes; throws if any record could not be produced. */
  @Override
  public void close() {
    try {
      producer.flush();
    } finally {
      producer.close();
    }
    if (failed.get() > 0) {
      throw new ProduceFailedException(failed.get() + " records could not be produced (" + sent.get()
          + " were); first error: " + firstFailure.get(), firstFailure.get());
    }
  }
}
