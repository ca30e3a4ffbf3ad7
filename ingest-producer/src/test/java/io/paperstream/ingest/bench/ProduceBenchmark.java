package io.paperstream.ingest.bench;

import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.ingest.EntrySink;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.kafka.EmbeddedKafkaBroker;
import io.paperstream.kafka.TopicAdmin;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produce throughput of the ingest producer's settings against Kafka's defaults, on the
 * embedded broker, in one run (rounds interleaved, so machine noise hits both alike).
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl ingest-producer exec:java@produce-benchmark}
 * (optional: {@code -Dbench.records=200000 -Dbench.rounds=3}).
 */
public final class ProduceBenchmark {

  public static void main(String[] args) throws Exception {
    int records = Integer.getInteger("bench.records", 200_000);
    int rounds = Integer.getInteger("bench.rounds", 3);
    List<RawEntry> sample = sampleEntries();
    Path dir = Files.createTempDirectory("paperstream-bench");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir).port(0).build().start()) {
      Properties kafkaDefaults = new Properties();
      // Kafka's defaults except what safety requires either way: idempotence and acks=all
      kafkaDefaults.put(ProducerConfig.BATCH_SIZE_CONFIG, "16384");
      kafkaDefaults.put(ProducerConfig.LINGER_MS_CONFIG, "5");
      kafkaDefaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
      Map<String, Properties> variants = Map.of("kafka defaults (16 KiB batch, linger 5 ms, no compression)",
          kafkaDefaults, "paperstream (256 KiB batch, linger 10 ms, lz4)", new Properties());
      Map<String, List<Double>> rates = new java.util.TreeMap<>();
      long bytes = 0;
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, Properties> variant : variants.entrySet()) {
          Topics topics = Topics.named(logical -> logical + "-bench-" + rates.size() + "-" + System.nanoTime());
          try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, PipelineTopics.ingestTopics(topics, Settings.defaults()));
          }
          Properties config = RawEntryProducer.producerConfig(broker.bootstrapServers(), variant.getValue());
          long start = System.nanoTime();
          try (RawEntryProducer producer = new RawEntryProducer(
              new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()), topics)) {
            for (int i = 0; i < records; i++) {
              producer.entry(sample.get(i % sample.size()));
            }
            producer.flush();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          rates.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(records / seconds);
        }
      }
      for (RawEntry entry : sample) {
        bytes += Topics.defaults().rawEntries().valueSerde().serializer().serialize("t", entry).length;
      }
      System.out.printf("records per round: %d, mean value size: %d bytes, rounds: %d%n",
          records, bytes / sample.size(), rounds);
      System.out.println("| settings | records/s (median) | rounds |");
      System.out.println("|---|---|---|");
      rates.forEach((name, list) -> System.out.printf("| %s | %,.0f | %s |%n", name, median(list),
          list.stream().map(r -> String.format("%,.0f", r)).toList()));
    }
  }

  private static List<RawEntry> sampleEntries() {
    Path shared = Path.of(System.getProperty("paperstream.fixtures", "../shared/fixtures"), "hf-api", "daily");
    if (!Files.isDirectory(shared)) {
      shared = Path.of("..", "..", "shared", "fixtures", "hf-api", "daily");
    }
    if (!Files.isDirectory(shared)) {
      throw new IllegalStateException("the benchmark replays the real API days in ../shared/fixtures/hf-api/daily");
    }
    List<RawEntry> entries = new ArrayList<>();
    new IngestPipeline(new PageSources(new HttpPageFetcher(), null), new PageSplitter(), Clock.systemUTC())
        .run(List.of(shared.toString()), new EntrySink() {
          @Override
          public void entry(RawEntry entry) {
            entries.add(entry);
          }

          @Override
          public void deadLetter(DeadLetter deadLetter) {}
        });
    return entries;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private ProduceBenchmark() {}

}
