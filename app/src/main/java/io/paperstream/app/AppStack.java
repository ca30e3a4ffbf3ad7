package io.paperstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.config.Settings;
import io.paperstream.console.Counted;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.processor.app.LagMonitor;
import io.paperstream.processor.app.PaperProcessor;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.Topics;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One running paperstream instance on a cluster: the HTTP server, then the processor (which
 * must know the server's address, {@code application.server}, before it starts), their metrics
 * and health. {@code papers run} runs one; tests run one or several.
 */
public final class AppStack implements AutoCloseable {


  private final Topics topics;
  private final HttpApi http;
  private final PaperProcessor processor;
  private final AppMetrics metrics;
  private final LagMonitor lag;
  private final String advertised;
  private final QueryService queries;
  private Optional<Map<TopicPartition, Long>> lastCaughtUpEnds = Optional.empty();
  private final AtomicBoolean closed = new AtomicBoolean();

  private AppStack(Topics topics, HttpApi http, PaperProcessor processor, AppMetrics metrics, LagMonitor lag,
      String advertised, QueryService queries) {
    this.queries = queries;
    this.topics = topics;
    this.http = http;
    this.processor = processor;
    this.metrics = metrics;
    this.lag = lag;
    this.advertised = advertised;
  }

  /** Starts the HTTP server and the processor (creating missing topics) on {@code cluster}. */
  public static AppStack start(KafkaCluster cluster, Settings settings) {
    ObjectMapper mapper = new ObjectMapper();
    HttpSettings httpSettings = HttpSettings.from(settings);
    ProcessorSettings processorSettings = new ProcessorSettings(settings);
    Topics topics = processorSettings.topics();
    Properties streamsConfig = processorSettings.streamsConfig(cluster.bootstrapServers(), new Properties());
    String applicationId = streamsConfig.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    boolean exactlyOnce =
        !StreamsConfig.AT_LEAST_ONCE.equals(streamsConfig.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));

    AppMetrics metrics = new AppMetrics();
    LagMonitor lag = new LagMonitor(cluster.admin(), applicationId, topics, exactlyOnce);
    QueryService queries = new QueryService(new KeywordExtractor(), mapper, Forwarder.of(mapper,
        httpSettings.tls() ? HttpTls.trustingOwnCertificates(httpSettings) : null, httpSettings.token()));
    KafkaStreams[] streams = new KafkaStreams[1];
    Health health = new Health(() -> streams[0], lag, queries, applicationId, topics.rawEntries().name(), mapper);
    HttpApi http = null;
    try {
      // The port is known only once bound (port 0 picks a free one) and the processor must
      // advertise it, so the server starts first and answers 503 until the processor is attached.
      http = HttpApi.start(httpSettings, queries, health, metrics, mapper);
      String advertised = settings.get(ProcessorSettings.APPLICATION_SERVER_KEY,
          HttpSettings.reachableHost(httpSettings.host()) + ":" + http.port());
      HostInfo self = HostInfo.buildFromEndpoint(advertised);
      PaperProcessor processor = PaperProcessor.start(cluster,
          settings.with(ProcessorSettings.APPLICATION_SERVER_KEY, advertised), created -> {
            metrics.bindStreams(created, topics.papers().name());
            streams[0] = created;
            queries.attach(created, self);
          });
      return new AppStack(topics, http, processor, metrics, lag, advertised, queries);
    } catch (RuntimeException e) {
      if (http != null) {
        http.close();
      }
      lag.close();
      metrics.close();
      throw e;
    }
  }

  public int httpPort() {
    return http.port();
  }

  /** The base URL readers reach the HTTP API at ({@code http.public-url}, default from host and port). */
  public String publicUrl() {
    return http.publicUrl();
  }

  /** Where this instance answers, as other instances reach it ({@code host:port}). */
  public String applicationServer() {
    return advertised;
  }

  public KafkaStreams streams() {
    return processor.streams();
  }

  public PaperProcessor processor() {
    return processor;
  }

  public AppMetrics metrics() {
    return metrics;
  }

  public Topics topics() {
    return topics;
  }

  public LagMonitor lag() {
    return lag;
  }

  /**
   * Whether the processor has caught up: nothing left to consume on its inputs (raw entries,
   * sightings, its repartition topics), no trend waiting to be emitted, no open transaction on
   * its outputs, and the lag read again last, so nothing arrived in between. Meant to be polled:
   * it answers true only when the outputs' end offsets are also the same as at the previous
   * call that found all this, because a record the processor has just produced may still sit
   * in its producer's buffer (linger), invisible to the broker for a moment.
   */
  public synchronized boolean caughtUp() throws Exception {
    Optional<Map<TopicPartition, Long>> ends = Optional.empty();
    if (streams().state() == KafkaStreams.State.RUNNING && zeroLag() && trendsEmitted()) {
      ends = lag.committedOutputEnds();
      if (ends.isPresent() && !zeroLag()) {
        ends = Optional.empty();
      }
    }
    boolean stable = ends.isPresent() && ends.equals(lastCaughtUpEnds);
    lastCaughtUpEnds = ends;
    return stable;
  }

  /**
   * The exact number of papers over every instance (the paper index's per-date counters, gathered
   * like {@code /api/papers-per-day}).
   *
   * @throws ApiError (503) while the processor starts or its state moves between instances
   */
  public long papers() {
    return queries.paperCounts(false).path("total").asLong();
  }

  /** Papers in this instance's partitions of the papers store. */
  public long localPapers() {
    return countKeys(PaperTopology.PAPERS_STORE, key -> key);
  }

  /**
   * Papers in this instance's partitions, as RocksDB estimates them (cheap enough for a status
   * line); empty while none of its stores can be read.
   */
  public OptionalLong approximateLocalPapers() {
    try {
      return OptionalLong.of(streams().store(StoreQueryParameters.fromNameAndType(PaperTopology.PAPERS_STORE,
          QueryableStoreTypes.<String, Object>keyValueStore())).approximateNumEntries());
    } catch (InvalidStateStoreException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The papers as a status line says them: exact over every instance ("412 papers so far"); while
   * the state moves between instances, this one's estimate, said to be one; before any of its
   * stores can be read (a first rebalance), no number rather than a false 0.
   */
  public String papersSoFar(boolean caughtUp) {
    try {
      return Counted.of(papers(), "paper") + (caughtUp ? "" : " so far");
    } catch (ApiError e) {
      OptionalLong local = approximateLocalPapers();
      return local.isPresent()
          ? "about " + Counted.of(local.getAsLong(), "paper") + " on this instance"
          : "papers not countable until the processor's stores open";
    }
  }

  /** Distinct keywords with a count (the trend store holds them all, on one partition). */
  public long keywords() {
    Set<String> keywords = new HashSet<>();
    countKeys(PaperTopology.TRENDS_BY_KEYWORD_STORE, key -> {
      keywords.add(KeywordDateKey.keywordOf(key));
      return key;
    });
    return keywords.size();
  }

  private boolean zeroLag() throws Exception {
    Map<String, Long> perInput = lag.lagPerInput();
    return perInput.values().stream().allMatch(l -> l == 0);
  }

  // The trend and emerging processors mark dates whose answer changed and emit them on their next
  // punctuation. The marks live with the trend partition: on another instance, that instance tells.
  private boolean trendsEmitted() {
    return marksEmitted(PaperTopology.TRENDS_DIRTY_STORE) && marksEmitted(PaperTopology.EMERGING_DIRTY_STORE);
  }

  private boolean marksEmitted(String marks) {
    KeyQueryMetadata owner = streams().queryMetadataForKey(marks, "",
        Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      return false;
    }
    if (!owner.activeHost().equals(HostInfo.buildFromEndpoint(advertised))) {
      return true;
    }
    try (KeyValueIterator<String, Object> dirty = streams().store(StoreQueryParameters.fromNameAndType(
        marks, QueryableStoreTypes.<String, Object>keyValueStore())).all()) {
      return !dirty.hasNext();
    } catch (InvalidStateStoreException e) {
      return false;
    }
  }

  private long countKeys(String storeName, java.util.function.UnaryOperator<String> visit) {
    try {
      ReadOnlyKeyValueStore<String, Object> store = streams().store(
          StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, Object>keyValueStore()));
      long count = 0;
      try (KeyValueIterator<String, Object> all = store.all()) {
        while (all.hasNext()) {
          visit.apply(all.next().key);
          count++;
        }
      }
      return count;
    } catch (InvalidStateStoreException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return; // a stop signal and a shutdown hook may both get here
    }
    try {
      http.close();
    } finally {
      try {
        processor.close();
      } finally {
        lag.close();
        metrics.close();
      }
    }
  }
}
