package io.paperstream.processor.app;

import io.paperstream.config.DataDir;
import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The processor's settings: what the topology is tuned with and how Kafka Streams runs it. */
public final class ProcessorSettings {

  public static final String APPLICATION_ID_KEY = "processor.application-id";
  public static final String STATE_DIR_KEY = "processor.state-dir";
  public static final String THREADS_KEY = "processor.threads";
  public static final String GUARANTEE_KEY = "processor.processing-guarantee";
  public static final String KEYWORDS_KEY = "processor.keywords-per-paper";
  public static final String TREND_TOP_KEY = "processor.trend-top";
  public static final String TREND_INTERVAL_KEY = "processor.trend-emit-interval-ms";
  /**
   * {@code host:port} where this instance answers interactive queries; other instances of the
   * same application id forward queries for keys this one owns there. Unset: no forwarding.
   */
  public static final String APPLICATION_SERVER_KEY = "processor.application-server";

  public static final String DEFAULT_APPLICATION_ID = "paperstream-processor";

  private final Settings settings;

  public ProcessorSettings(Settings settings) {
    this.settings = settings;
  }

  public Topics topics() {
    return PipelineTopics.from(settings);
  }

  public PaperTopology.Options topologyOptions() {
    PaperTopology.Options defaults = PaperTopology.Options.defaults();
    return new PaperTopology.Options(
        settings.getInt(KEYWORDS_KEY, defaults.keywordsPerPaper()),
        settings.getInt(TREND_TOP_KEY, defaults.trendTop()),
        Duration.ofMillis(settings.getInt(TREND_INTERVAL_KEY, (int) defaults.trendEmitInterval().toMillis())));
  }

  /**
   * Kafka Streams settings. Exactly-once by default, so a crash never double-counts; errors in
   * reading or processing a record send it, with the reason in its headers, to the
   * processing dead-letter topic and the stream goes on.
   */
  public Properties streamsConfig(String bootstrapServers, Properties clientOverrides) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(APPLICATION_ID_KEY, DEFAULT_APPLICATION_ID));
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        settings.get(GUARANTEE_KEY, StreamsConfig.EXACTLY_ONCE_V2));
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.getInt(THREADS_KEY, 1));
    config.put(StreamsConfig.STATE_DIR_CONFIG, settings.getPath(STATE_DIR_KEY, DataDir.of(settings).resolve("streams")).toString());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG,
        settings.getInt(PipelineTopics.REPLICATION_KEY, PipelineTopics.DEFAULT_REPLICATION));
    settings.find(PipelineTopics.MIN_INSYNC_KEY).ifPresent(min ->
        config.put(StreamsConfig.topicPrefix("min.insync.replicas"), min));
    config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics().processingDeadLetters().name());
    config.putAll(DeadLetterHandlers.streamsConfig());
    // the default from Kafka 5.0 on; setting it now keeps one behaviour across upgrades
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    settings.find(APPLICATION_SERVER_KEY)
        .ifPresent(server -> config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
    config.putAll(clientOverrides);
    return config;
  }
}
