package io.paperstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.schemas.RecordJson;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Writes topics as JSON-lines files, in the format of {@code papers export}: one
 * {@code {"key": ..., "value": {...}}} per line; table topics hold the latest value per key
 * (deleted keys left out); the processing dead letters carry their headers (the reason) and the
 * original key and value in base64.
 */
final class TopicExport {

  private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

  private final KafkaCluster cluster;
  private final Topics topics;
  private final ObjectMapper mapper;
  private final RecordJson json = new RecordJson();

  TopicExport(KafkaCluster cluster, Topics topics, ObjectMapper mapper) {
    this.cluster = cluster;
    this.topics = topics;
    this.mapper = mapper;
  }

  /** Writes {@code <logical name>.jsonl} for the output tables and both dead-letter topics; returns lines per file. */
  Map<String, Integer> exportTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Integer> written = new LinkedHashMap<>();
    written.put(Topics.PAPERS, write(dir, Topics.PAPERS, topics.papers(), true));
    written.put(Topics.KEYWORD_DAILY_COUNTS, write(dir, Topics.KEYWORD_DAILY_COUNTS, topics.keywordDailyCounts(), true));
    written.put(Topics.KEYWORD_TRENDS, write(dir, Topics.KEYWORD_TRENDS, topics.keywordTrends(), true));
    written.put(Topics.RAW_DEAD_LETTERS, write(dir, Topics.RAW_DEAD_LETTERS, topics.rawDeadLetters(), false));
    written.put(Topics.PROCESSING_DEAD_LETTERS,
        write(dir, Topics.PROCESSING_DEAD_LETTERS, topics.processingDeadLetters(), false));
    return written;
  }

  /** Records in the topic up to its current end (committed records only). */
  int count(Topic<?, ?> topic) {
    return readAll(topic).size();
  }

  private int write(Path dir, String logical, Topic<?, ?> topic, boolean table) throws IOException {
    List<String> lines = lines(topic, table);
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(logical + ".jsonl"), StandardCharsets.UTF_8)) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
    return lines.size();
  }

  private List<String> lines(Topic<?, ?> topic, boolean table) throws IOException {
    Map<String, String> latest = new LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    boolean raw = topic.keySerde().deserializer() instanceof ByteArrayDeserializer;
    for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
      ObjectNode line = mapper.createObjectNode();
      String key = record.key() == null ? null
          : raw ? base64(record.key()) : new String(record.key(), StandardCharsets.UTF_8);
      line.put("key", key);
      if (raw) {
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
      String text = mapper.writeValueAsString(line);
      if (table) {
        // latest value per key, in the order keys were last written; a tombstone deletes the key
        latest.remove(key);
        if (record.value() != null) {
          latest.put(key, text);
        }
      } else {
        all.add(text);
      }
    }
    return table ? new ArrayList<>(latest.values()) : all;
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(Topic<?, ?> topic) {
    Properties config = cluster.clientOverrides();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        return records;
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " to its end within " + READ_TIMEOUT);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
