package io.paperstream.processor.bench;

import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.processor.app.WarmUp;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Latency from a raw entry produced to its paper record on {@code papers} and to its count
 * update on {@code keyword-daily-counts}, as a read_committed consumer sees them: at daily load
 * (pages of 50 entries, a pause between pages) and under backfill (many entries at once). Every
 * entry is a new paper with a page keyword of its own, so its count update is its own too. The
 * baseline is the bare repartition+count app, raw entry to its count.
 */
final class LatencyBenchmark {

  private static final Duration ARRIVAL = Duration.ofMinutes(10);

  /**
   * p50 and p99 in ms of the two latencies; {@code paperP99Warm}: p99 to the paper over the pages
   * after the first (a running processor's steady state; the first page after a start also pays
   * for class loading and interpreted code), NaN with one page.
   */
  record Figures(double paperP50, double paperP99, double paperP99Warm, double countP50, double countP99, int entries) {}

  private final BenchOptions options;

  LatencyBenchmark(BenchOptions options) {
    this.options = options;
  }

  Figures daily(BenchBroker broker, Path work, boolean bare) throws Exception {
    return measure(broker, work, bare, options.latencyPages(), 50, options.pageIntervalMs());
  }

  Figures backfill(BenchBroker broker, Path work, boolean bare) throws Exception {
    return measure(broker, work, bare, 1, options.latencyBackfill(), 0);
  }

  private Figures measure(BenchBroker broker, Path work, boolean bare, int pages, int perPage, long pauseMs)
      throws Exception {
    BenchEntries generator = new BenchEntries(7, 30);
    try (BenchPipeline pipeline = new BenchPipeline(broker.bootstrapServers(), work, options.settings())) {
      pipeline.createTopics();
      String applicationId = pipeline.applicationId + (bare ? "-bare" : "");
      ProcessorSettings processorSettings = new ProcessorSettings(pipeline.settings);
      var topology = bare
          ? BareCountTopology.build(pipeline.topics.rawEntries().name(), pipeline.bareOutput)
          : PaperTopology.buildTopology(pipeline.topics, processorSettings.topologyOptions());
      Map<String, Long> sent = new ConcurrentHashMap<>();
      Map<String, Integer> pageOf = new ConcurrentHashMap<>();
      Arrivals arrivals = new Arrivals(pipeline, bare);
      // paperstream warms up while Kafka Streams starts, as PaperProcessor.start does
      try (WarmUp warmUp = WarmUp.start(bare ? 0 : processorSettings.warmUpPapers(),
              processorSettings.topologyOptions().keywordsPerPaper());
          StreamsRun run = new StreamsRun(topology, pipeline.streamsConfig(applicationId)).start();
          arrivals; RawEntryProducer producer = pipeline.producer()) {
        arrivals.start();
        LocalDate date = LocalDate.parse("2027-01-01");
        for (int page = 0; page < pages; page++) {
          for (RawEntry entry : generator.probes(perPage, 2_000_000 + page * perPage, date.plusDays(page))) {
            sent.put(entry.getArxivId(), System.currentTimeMillis());
            pageOf.put(entry.getArxivId(), page);
            producer.entry(entry);
          }
          producer.flush();
          if (page + 1 < pages) {
            Thread.sleep(pauseMs); // the pace of the load, not a wait for state
          }
        }
        StreamsRun.await(() -> arrivals.complete(sent.keySet()), ARRIVAL, "every probe's paper and count");
      }
      List<Double> toPaper = new ArrayList<>();
      List<Double> toCount = new ArrayList<>();
      List<Double> toPaperWarm = new ArrayList<>();
      double[] slowestOfPage = new double[pages];
      sent.forEach((id, at) -> {
        toPaper.add((double) (arrivals.paperAt(id) - at));
        toCount.add((double) (arrivals.countAt(id) - at));
        int page = pageOf.get(id);
        slowestOfPage[page] = Math.max(slowestOfPage[page], arrivals.paperAt(id) - at);
        if (page > 0) {
          toPaperWarm.add((double) (arrivals.paperAt(id) - at));
        }
      });
      if (pages > 1) {
        // where the p99 comes from: the first page meets a cold JVM, the others a warm one
        Report.progress("latency %s, slowest entry -> paper per page (ms): %s", bare ? "bare" : "paperstream",
            Arrays.toString(Arrays.stream(slowestOfPage).mapToLong(Math::round).toArray()));
      }
      double[] paper = toPaper.stream().mapToDouble(Double::doubleValue).toArray();
      double[] paperWarm = toPaperWarm.stream().mapToDouble(Double::doubleValue).toArray();
      double[] count = toCount.stream().mapToDouble(Double::doubleValue).toArray();
      return new Figures(Report.percentile(paper, 50), Report.percentile(paper, 99),
          paperWarm.length == 0 ? Double.NaN : Report.percentile(paperWarm, 99),
          Report.percentile(count, 50), Report.percentile(count, 99), sent.size());
    }
  }

  /**
   * A read_committed consumer of the outputs that notes when each probe's records first arrive.
   * For paperstream: the paper record (by arXiv id) and the count of its probe keyword; for the
   * bare app: its count record, for both.
   */
  private static final class Arrivals implements AutoCloseable {
    private final BenchPipeline pipeline;
    private final boolean bare;
    private final Map<String, Long> papers = new ConcurrentHashMap<>();
    private final Map<String, String> countKeyOfPaper = new ConcurrentHashMap<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::consume, "bench-arrivals");

    Arrivals(BenchPipeline pipeline, boolean bare) {
      this.pipeline = pipeline;
      this.bare = bare;
    }

    void start() {
      thread.start();
    }

    boolean complete(java.util.Set<String> ids) {
      return ids.stream().allMatch(id -> papers.containsKey(id) && counts.containsKey(countKeyOf(id)));
    }

    long paperAt(String id) {
      return papers.get(id);
    }

    long countAt(String id) {
      return counts.get(countKeyOf(id));
    }

    private String countKeyOf(String id) {
      return bare ? id : countKeyOfPaper.getOrDefault(id, "?");
    }

    private void consume() {
      Properties config = new Properties();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers);
      config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
      List<String> topics = bare ? List.of(pipeline.bareOutput)
          : List.of(pipeline.topics.papers().name(), pipeline.topics.keywordDailyCounts().name());
      var paperSerde = pipeline.topics.papers().valueSerde().deserializer();
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
          consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (running.get()) {
          var records = consumer.poll(Duration.ofMillis(50));
          long now = System.currentTimeMillis();
          for (ConsumerRecord<String, byte[]> record : records) {
            if (bare) {
              papers.putIfAbsent(record.key(), now);
              counts.putIfAbsent(record.key(), now);
            } else if (record.topic().equals(pipeline.topics.papers().name())) {
              if (record.value() != null) {
                Paper paper = paperSerde.deserialize(record.topic(), record.value());
                papers.putIfAbsent(record.key(), now);
                paper.getKeywords().stream().filter(k -> k.startsWith("probe ")).findFirst().ifPresent(k ->
                    countKeyOfPaper.put(record.key(), KeywordDateKey.of(k, paper.getPublishedDate()).encode()));
              }
            } else {
              counts.putIfAbsent(record.key(), now);
            }
          }
        }
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }
}
