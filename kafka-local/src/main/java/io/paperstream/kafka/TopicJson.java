package io.paperstream.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.schemas.RecordJson;
import io.paperstream.schemas.SchemaRegistryException;
import io.paperstream.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A topic as JSON lines, the format of {@code papers export} and {@code papers run --export}: one
 * {@code {"key": ..., "value": {...}}} per record, values decoded by the topic's schema; for table
 * topics the latest value per key (deleted keys left out); dead-letter topics whose records are
 * raw bytes carry their headers (the reason) and the original key and value in base64. A record
 * whose value cannot be decoded (written by another client) is left out and described, where it
 * is and why, in the snapshot's {@code skipped}: one bad record never costs the others.
 */
public final class TopicJson {

  private static final Duration READ_LIMIT = Duration.ofMinutes(2);

  private final KafkaCluster cluster;
  private final ObjectMapper mapper = new ObjectMapper();
  private final RecordJson json = new RecordJson();

  public TopicJson(KafkaCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * What a topic held when read: its lines, the end offsets the reading stopped at, and a
   * description of each record left out because its value could not be decoded.
   */
  public record Snapshot(List<String> lines, Map<TopicPartition, Long> endOffsets, List<String> skipped) {}

  /** A consumer of raw bytes on this cluster, reading committed records only. */
  public KafkaConsumer<byte[], byte[]> consumer() {
    Properties config = cluster.clientOverrides();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Reads the topic from the beginning to the end offsets found at the start.
   *
   * @throws IllegalArgumentException when there is no such topic
   */
  public Snapshot read(Topic<?, ?> topic, boolean table) {
    Map<String, String> latest = new LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      Map<TopicPartition, Long> end = TopicReader.readToEnd(consumer, topic.name(), READ_LIMIT, record -> {
        String line = decodedLine(topic, record, skipped::add);
        if (line == null) {
          return;
        }
        if (table) {
          // latest value per key, in the order keys were last written; a tombstone deletes the key
          String key = keyText(topic, record);
          latest.remove(key);
          if (record.value() != null) {
            latest.put(key, line);
          }
        } else {
          all.add(line);
        }
      });
      return new Snapshot(table ? new ArrayList<>(latest.values()) : all, end, skipped);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " on " + cluster.bootstrapServers(), e);
    }
  }

  /**
   * One record as one JSON line; null for a record whose value cannot be decoded, after telling
   * {@code skipped} where it is and why, for a reader who goes to look. A schema registry that
   * cannot be used is rethrown: every record would fail alike, which is no record's fault, and
   * the command must stop and say so.
   */
  public String decodedLine(Topic<?, ?> topic, ConsumerRecord<byte[], byte[]> record, Consumer<String> skipped) {
    try {
      return line(topic, record);
    } catch (SerializationException e) {
      if (SchemaRegistryException.isCauseOf(e)) {
        throw e;
      }
      skipped.accept("skipped the record at offset " + record.offset() + " of partition " + record.partition()
          + " of " + record.topic() + " (key " + (record.key() == null ? "none" : "'" + new String(record.key(),
          StandardCharsets.UTF_8) + "'") + "): " + e.getMessage());
      return null;
    }
  }

  private String line(Topic<?, ?> topic, ConsumerRecord<byte[], byte[]> record) {
    ObjectNode line = mapper.createObjectNode();
    line.put("key", keyText(topic, record));
    if (raw(topic)) {
      ObjectNode headers = line.putObject("headers");
      for (Header header : record.headers()) {
        headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
      }
      line.put("value", record.value() == null ? null : base64(record.value()));
    } else if (record.value() == null) {
      line.putNull("value");
    } else {
      Object value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
      line.set("value", json.toJson((IndexedRecord) value));
    }
    try {
      return mapper.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain JSON nodes always serializes", e);
    }
  }

  private static String keyText(Topic<?, ?> topic, ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return null;
    }
    return raw(topic) ? base64(record.key()) : new String(record.key(), StandardCharsets.UTF_8);
  }

  private static boolean raw(Topic<?, ?> topic) {
    return topic.keySerde().deserializer() instanceof ByteArrayDeserializer;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
