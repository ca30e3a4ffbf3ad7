package io.paperstream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.config.PipelineTopics;
import io.paperstream.config.ClusterOptions;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.schemas.RecordJson;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
        "Prints a topic's records decoded to JSON, one per line: a downstream consumer for people and scripts.",
        "Table topics (papers, keyword-daily-counts, keyword-trends) print the latest value per key; "
            + "without --follow the command stops at the end offsets it found at start.",
        "Each line: {\"key\": ..., \"value\": {...}} (value null for a deleted key); dead-letter topics "
            + "also carry \"headers\" (the reason) and the original bytes in base64."})
public final class ExportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "TOPIC",
      description = "A topic by its name or logical name: raw-entries, raw-dead-letters, papers, "
          + "keyword-daily-counts, keyword-trends, processing-dead-letters.")
  String topicName;

  @Mixin ClusterOptions clusterOptions;

  @Option(names = "--follow", description = "Keep printing new records as they arrive, until Ctrl-C.")
  boolean follow;

  @Spec CommandSpec spec;

  private final ObjectMapper mapper = new ObjectMapper();
  private final RecordJson json = new RecordJson();

  @Override
  public Integer call() throws Exception {
    Settings settings = clusterOptions.settings();
    Topics topics = PipelineTopics.from(settings);
    Topic<?, ?> topic = resolve(topics);
    boolean table = Set.of(topics.papers().name(), topics.keywordDailyCounts().name(), topics.keywordTrends().name())
        .contains(topic.name());
    PrintWriter out = spec.commandLine().getOut();
    try (KafkaCluster cluster = KafkaCluster.connect(settings)) {
      Properties config = cluster.clientOverrides();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
      config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
          spec.commandLine().getErr().println("export: no topic " + topic.name() + " on " + cluster.bootstrapServers());
          return 1;
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<String, String> latest = new LinkedHashMap<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            emit(topic, record, table && !follow ? latest : null, out);
          }
        }
        latest.values().forEach(out::println);
        out.flush();
        if (follow) {
          follow(consumer, topic, out);
        }
      }
    }
    return 0;
  }

  private void follow(KafkaConsumer<byte[], byte[]> consumer, Topic<?, ?> topic, PrintWriter out)
      throws IOException {
    AtomicBoolean stopping = new AtomicBoolean();
    Thread main = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      consumer.wakeup();
      try {
        main.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    try {
      while (!stopping.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          emit(topic, record, null, out);
        }
        out.flush();
      }
    } catch (WakeupException e) {
      // Ctrl-C: stop quietly, everything read so far has been printed
    }
  }

  private void emit(Topic<?, ?> topic, ConsumerRecord<byte[], byte[]> record, Map<String, String> latest,
      PrintWriter out) throws IOException {
    ObjectNode line = mapper.createObjectNode();
    boolean raw = topic.keySerde().deserializer() instanceof ByteArrayDeserializer;
    String key = record.key() == null ? null : raw ? base64(record.key()) : new String(record.key(), StandardCharsets.UTF_8);
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
    if (latest != null) {
      // latest value per key, in the order keys were last written; a tombstone deletes the key
      latest.remove(key);
      if (record.value() != null) {
        latest.put(key, text);
      }
    } else {
      out.println(text);
    }
  }

  private Topic<?, ?> resolve(Topics topics) {
    return topics.find(topicName).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "unknown topic '" + topicName + "'; known: "
            + String.join(", ", topics.all().stream().map(Topic::name).toList())));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
