package io.paperstream.app;

import io.micrometer.core.instrument.Counter;
import io.paperstream.ingest.feed.FeedMetrics;
import io.paperstream.ingest.feed.PageOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The process's metrics for Prometheus ({@code GET /metrics}): Kafka Streams and Kafka client
 * metrics through Micrometer's binders, plus paperstream's own counters.
 */
public final class AppMetrics implements AutoCloseable {

  private static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong pagesFetched = new AtomicLong();
  private final AtomicLong pagesFailed = new AtomicLong();
  private volatile FeedMetrics feed;
  private final Counter entriesIn;
  private final Counter deadLetters;
  private final List<AutoCloseable> binders = new ArrayList<>();

  public AppMetrics() {
    // the SOURCE ingest's pages and the continuous feed's fetches: both are pages this process read
    FunctionCounter.builder("paperstream.fetches", this, m -> m.pagesFetched.get() + (m.feed == null ? 0 : m.feed.fetchesOk()))
        .tag("outcome", "ok").description("Pages read by this process (SOURCEs and the feed)").register(registry);
    FunctionCounter.builder("paperstream.fetches", this,
            m -> m.pagesFailed.get() + (m.feed == null ? 0 : m.feed.fetchFailures()))
        .tag("outcome", "failed").description("Pages read by this process (SOURCEs and the feed)").register(registry);
    entriesIn = Counter.builder("paperstream.entries.in")
        .description("Raw entries this process produced to Kafka").register(registry);
    deadLetters = Counter.builder("paperstream.dead.letters").tag("stage", "ingest")
        .description("Dead letters, by the stage that rejected the input").register(registry);
    // the JVM panels of the Grafana dashboard (docker-compose.yml): memory, GC, threads, CPU
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    binders.add(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /** Binds the processor's metrics; call before it starts. */
  public void bindStreams(KafkaStreams streams, String papersTopic) {
    // Task and partition metrics (lag per partition, end-to-end latency) appear only once tasks are
    // assigned, and move between instances on every rebalance: look for new ones every scrape
    // interval rather than Micrometer's default minute.
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "paperstream-kafka-metrics");
      thread.setDaemon(true);
      return thread;
    });
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, List.of(), refresher, KAFKA_METRICS_REFRESH);
    metrics.bindTo(registry);
    binders.add(metrics);
    // Out: what the processor wrote to the papers topic (Kafka Streams' per-topic sink metric).
    FunctionCounter.builder("paperstream.entries.out", streams, s -> topicTotal(s, papersTopic))
        .description("Paper records the processor produced").register(registry);
    // Records that could not be read or processed go to the dead-letter topic and are dropped.
    FunctionCounter.builder("paperstream.dead.letters", streams, s -> droppedTotal(s))
        .tag("stage", "process").description("Dead letters, by the stage that rejected the input").register(registry);
  }

  /** Binds the continuous feed's counters: pages by outcome, entries and dead letters it produced. */
  public void bindFeed(FeedMetrics feed) {
    this.feed = feed;
    for (PageOutcome outcome : PageOutcome.values()) {
      FunctionCounter.builder("paperstream.feed.pages", feed, f -> f.pages(outcome))
          .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
          .description("Pages the continuous feed polled, by outcome").register(registry);
    }
    FunctionCounter.builder("paperstream.feed.entries", feed, FeedMetrics::entriesProduced)
        .description("Raw entries the continuous feed produced").register(registry);
    FunctionCounter.builder("paperstream.dead.letters", feed, FeedMetrics::deadLetters).tag("stage", "feed")
        .description("Dead letters, by the stage that rejected the input").register(registry);
  }

  public void bindProducer(Producer<?, ?> producer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
    binders.add(metrics);
  }

  public void pageRead(boolean ok) {
    (ok ? pagesFetched : pagesFailed).incrementAndGet();
  }

  /** The continuous feed's counters and status, when this process runs it. */
  public Optional<FeedMetrics> feed() {
    return Optional.ofNullable(feed);
  }

  public void entriesIn(int count) {
    entriesIn.increment(count);
  }

  public void deadLetters(int count) {
    deadLetters.increment(count);
  }

  /** Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  private static double topicTotal(KafkaStreams streams, String topic) {
    return sum(streams, "records-produced-total", "stream-topic-metrics", topic);
  }

  private static double droppedTotal(KafkaStreams streams) {
    return sum(streams, "dropped-records-total", "stream-task-metrics", null);
  }

  private static double sum(KafkaStreams streams, String name, String group, String topic) {
    double total = 0;
    for (Metric metric : streams.metrics().values()) {
      if (metric.metricName().name().equals(name) && metric.metricName().group().equals(group)
          && (topic == null || topic.equals(metric.metricName().tags().get("topic")))
          && metric.metricValue() instanceof Number value) {
        total += value.doubleValue();
      }
    }
    return total;
  }

  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        // closing metrics is best effort: the process is stopping
      }
    }
    registry.close();
  }
}
