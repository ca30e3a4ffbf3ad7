package io.paperstream.processor.app;

import io.paperstream.config.DataDir;
import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.processor.search.SearchIndexStore;
import io.paperstream.processor.topology.TopologyOptions;
import io.paperstream.processor.trend.EmergingOptions;
import io.paperstream.processor.trend.PunctuationBudget;
import io.paperstream.schemas.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
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
  public static final String TREND_MIN_SUPPORT_KEY = "processor.trend-min-support";
  /** Whether the ranker starts from the jar's seed vocabulary (default) or from what the stream taught alone. */
  public static final String SEED_VOCABULARY_KEY = "processor.seed-vocabulary";
  public static final String EMERGING_MIN_SUPPORT_KEY = "processor.emerging-min-support";
  public static final String EMERGING_P_VALUE_KEY = "processor.emerging-p-value";
  public static final String EMERGING_MIN_RATIO_KEY = "processor.emerging-min-ratio";
  public static final String PUNCTUATION_MAX_MS_KEY = "processor.punctuation-max-ms";
  public static final String PUNCTUATION_SHARE_KEY = "processor.punctuation-share";
  public static final String COMMIT_INTERVAL_KEY = "processor.commit-interval-ms";
  public static final String CACHE_KEY = "processor.cache-mb";
  public static final String ROCKSDB_MEMORY_KEY = "processor.rocksdb.memory-mb";
  /** Invented papers run through the per-paper work while Kafka Streams starts ({@link WarmUp}); 0: none. */
  public static final String WARM_UP_PAPERS_KEY = "processor.warm-up-papers";
  /** Enough for the hot code to be compiled: in a fresh JVM the 150th extraction is as fast as any later one. */
  public static final int DEFAULT_WARM_UP_PAPERS = 200;
  /** How stale a search may be: a change to a paper is searchable within this many ms. */
  public static final String SEARCH_REFRESH_KEY = "processor.search-refresh-ms";
  /** Heap for one partition's search index documents not yet written to its files, in MiB. */
  public static final String SEARCH_BUFFER_KEY = "processor.search-buffer-mb";
  /**
   * The longest run a punctuation may be given: the trend, emerging and vocabulary punctuations
   * can fall to one stream thread and run one after the other in one exactly-once transaction,
   * which Kafka Streams times out after 10 s (past it the thread is fenced).
   */
  public static final int MAX_PUNCTUATION_MS = 3_000;
  /** Two stream threads: the machine this runs on has at least two cores to give them. */
  public static final int DEFAULT_THREADS = 2;
  /** Kafka Streams' own default under exactly-once: each hop adds up to one interval of latency. */
  public static final int DEFAULT_COMMIT_INTERVAL_MS = 100;
  public static final int DEFAULT_CACHE_MB = 10;
  public static final int DEFAULT_ROCKSDB_MEMORY_MB = 64;
  /**
   * {@code host:port} where this instance answers interactive queries; other instances of the
   * same application id forward queries for keys this one owns there. Unset: no forwarding.
   */
  public static final String APPLICATION_SERVER_KEY = "processor.application-server";

  /**
   * This instance's stable name in the consumer group ({@code group.instance.id}: static
   * membership): {@code auto} (default) derives it from the host and the state directory,
   * {@code none} turns static membership off, anything else is used as given.
   */
  public static final String INSTANCE_ID_KEY = "processor.instance-id";
  /** {@code classic} (default; with static membership) or {@code streams} (KIP-1071's protocol). */
  public static final String GROUP_PROTOCOL_KEY = "processor.group-protocol";

  public static final String DEFAULT_APPLICATION_ID = "paperstream-processor";

  private final Settings settings;

  public ProcessorSettings(Settings settings) {
    this.settings = settings;
  }

  public Topics topics() {
    return PipelineTopics.from(settings);
  }

  /**
   * The topology's options, for raw entries on as many partitions as paperstream creates topics
   * with; a processor started on a cluster uses the raw entries topic's own count instead.
   */
  public TopologyOptions topologyOptions() {
    TopologyOptions defaults = TopologyOptions.defaults();
    return new TopologyOptions(
        settings.getInt(KEYWORDS_KEY, defaults.keywordsPerPaper()),
        settings.getInt(TREND_TOP_KEY, defaults.trendTop()),
        Duration.ofMillis(settings.getInt(TREND_INTERVAL_KEY, (int) defaults.trendEmitInterval().toMillis())),
        settings.getInt(TREND_MIN_SUPPORT_KEY, defaults.trendMinSupport()),
        emergingOptions(defaults.emerging()),
        punctuationLimits(defaults.punctuation()),
        flag(SEED_VOCABULARY_KEY, defaults.seedVocabulary()),
        settings.getInt(PipelineTopics.PARTITIONS_KEY, PipelineTopics.DEFAULT_PARTITIONS));
  }

  /** Invented papers to warm up on at start. */
  public int warmUpPapers() {
    int papers = settings.getInt(WARM_UP_PAPERS_KEY, DEFAULT_WARM_UP_PAPERS);
    if (papers < 0) {
      throw new IllegalArgumentException(WARM_UP_PAPERS_KEY + " must be 0 (off) or more, not " + papers);
    }
    return papers;
  }

  private PunctuationBudget.Limits punctuationLimits(PunctuationBudget.Limits defaults) {
    int maxMs = settings.getInt(PUNCTUATION_MAX_MS_KEY, (int) defaults.maxRun().toMillis());
    if (maxMs > MAX_PUNCTUATION_MS) {
      throw new IllegalArgumentException(PUNCTUATION_MAX_MS_KEY + " must be at most " + MAX_PUNCTUATION_MS
          + " (three punctuations can share one 10 s transaction), not " + maxMs);
    }
    return new PunctuationBudget.Limits(Duration.ofMillis(maxMs), number(PUNCTUATION_SHARE_KEY, defaults.share()));
  }

  private EmergingOptions emergingOptions(EmergingOptions defaults) {
    return new EmergingOptions(
        settings.getInt(EMERGING_MIN_SUPPORT_KEY, defaults.minSupport()),
        number(EMERGING_P_VALUE_KEY, defaults.maxPValue()),
        number(EMERGING_MIN_RATIO_KEY, defaults.minRatio()),
        settings.getInt(TREND_TOP_KEY, defaults.top()));
  }

  private boolean flag(String key, boolean defaultValue) {
    String value = settings.get(key, null);
    if (value == null) {
      return defaultValue;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
    };
  }

  private double number(String key, double defaultValue) {
    String value = settings.get(key, null);
    try {
      return value == null ? defaultValue : Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not '" + value + "'", e);
    }
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
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.getInt(THREADS_KEY, DEFAULT_THREADS));
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.getInt(COMMIT_INTERVAL_KEY, DEFAULT_COMMIT_INTERVAL_MS));
    config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, (long) settings.getInt(CACHE_KEY, DEFAULT_CACHE_MB) << 20);
    config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    config.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG,
        Long.toString((long) settings.getInt(ROCKSDB_MEMORY_KEY, DEFAULT_ROCKSDB_MEMORY_MB) << 20));
    config.put(SearchIndexStore.REFRESH_MS_CONFIG,
        Integer.toString(settings.getInt(SEARCH_REFRESH_KEY, (int) SearchIndexStore.DEFAULT_REFRESH_MS)));
    config.put(SearchIndexStore.BUFFER_MB_CONFIG,
        Integer.toString(settings.getInt(SEARCH_BUFFER_KEY, SearchIndexStore.DEFAULT_BUFFER_MB)));
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
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
    config.putAll(membership());
    config.putAll(clientOverrides);
    return config;
  }

  /**
   * How this instance belongs to the consumer group. By default a static member: a restarted
   * instance (same host, same state directory) takes its old place back at once, with the same
   * tasks and no rebalance, instead of waiting out the session timeout of the member that died
   * (45 s). See README, "Recovery", for the measurements behind the choice.
   */
  Map<String, Object> membership() {
    String protocol = settings.get(GROUP_PROTOCOL_KEY, "classic").toLowerCase(Locale.ROOT);
    String instanceId = settings.get(INSTANCE_ID_KEY, "auto");
    switch (protocol) {
      case "streams":
        if (settings.find(INSTANCE_ID_KEY).isPresent() && !instanceId.equals("none")) {
          throw new IllegalArgumentException("setting " + INSTANCE_ID_KEY + "=" + instanceId + " needs "
              + GROUP_PROTOCOL_KEY + "=classic: the streams protocol has no static membership");
        }
        return Map.of(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams");
      case "classic":
        if (instanceId.equals("none")) {
          return Map.of(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        }
        return Map.of(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic",
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
            instanceId.equals("auto") ? defaultInstanceId() : instanceId);
      default:
        throw new IllegalArgumentException("setting " + GROUP_PROTOCOL_KEY + " must be classic or streams, not '"
            + protocol + "'");
    }
  }

  private Path stateDir() {
    return settings.getPath(STATE_DIR_KEY, DataDir.of(settings).resolve("streams"));
  }

  /** The host name and a digest of the state directory: stable across restarts, distinct per instance. */
  String defaultInstanceId() {
    Path stateDir = stateDir().toAbsolutePath().normalize();
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(stateDir.toString().getBytes(StandardCharsets.UTF_8));
      return host + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
