package io.paperstream.schemas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of paperstream's topics: each with its name and serdes, in one place.
 *
 * <p>Each topic has a logical name (the configuration key {@code topics.<logical>}) and a
 * default topic name. Names are configurable, so that several pipelines can share a cluster;
 * serdes are not, because they are the contract. Each instance owns its serdes: nothing here is
 * static and mutable.
 */
public final class Topics {

  public static final String RAW_ENTRIES = "raw-entries";
  public static final String RAW_DEAD_LETTERS = "raw-dead-letters";
  public static final String PAPERS = "papers";
  public static final String KEYWORD_DAILY_COUNTS = "keyword-daily-counts";
  public static final String KEYWORD_TRENDS = "keyword-trends";
  public static final String PROCESSING_DEAD_LETTERS = "processing-dead-letters";
  public static final String SIGHTINGS = "sightings";
  public static final String FETCH_LOG = "fetch-log";
  public static final String INGEST_LOG = "ingest-log";
  public static final String KEYWORD_VOCABULARY = "keyword-vocabulary";
  public static final String KEYWORD_EMERGING = "keyword-emerging";

  /** Logical name to default topic name, in pipeline order. */
  public static final Map<String, String> DEFAULT_NAMES = defaultNames();

  public static final String DEFAULT_RAW_ENTRIES = DEFAULT_NAMES.get(RAW_ENTRIES);
  public static final String DEFAULT_RAW_DEAD_LETTERS = DEFAULT_NAMES.get(RAW_DEAD_LETTERS);

  private final Topic<String, RawEntry> rawEntries;
  private final Topic<String, DeadLetter> rawDeadLetters;
  private final Topic<String, Paper> papers;
  private final Topic<String, KeywordCount> keywordDailyCounts;
  private final Topic<String, KeywordTrend> keywordTrends;
  private final Topic<byte[], byte[]> processingDeadLetters;
  private final Topic<String, Paper> sightings;
  private final Topic<String, FetchLogEntry> fetchLog;
  private final Topic<String, FetchLogEntry> ingestLog;
  private final Topic<String, String> keywordVocabulary;
  private final Topic<String, KeywordEmergence> keywordEmerging;

  private final SerdeFormat format;

  private Topics(UnaryOperator<String> nameOf, SerdeFormat format) {
    this.format = format;
    Serde<String> keys = Serdes.String();
    this.rawEntries = new Topic<>(nameOf.apply(RAW_ENTRIES), keys, format.serde(RawEntry.class));
    this.rawDeadLetters = new Topic<>(nameOf.apply(RAW_DEAD_LETTERS), keys, format.serde(DeadLetter.class));
    this.papers = new Topic<>(nameOf.apply(PAPERS), keys, format.serde(Paper.class));
    this.keywordDailyCounts = new Topic<>(nameOf.apply(KEYWORD_DAILY_COUNTS), keys, format.serde(KeywordCount.class));
    this.keywordTrends = new Topic<>(nameOf.apply(KEYWORD_TRENDS), keys, format.serde(KeywordTrend.class));
    // Kafka Streams writes its dead letters itself: the original bytes, the reason in headers.
    this.processingDeadLetters =
        new Topic<>(nameOf.apply(PROCESSING_DEAD_LETTERS), Serdes.ByteArray(), Serdes.ByteArray());
    // Internal to the processor, like its repartition topics and changelogs: always embedded, so
    // that no reader needs the registry and restoring state never waits on it.
    this.sightings = new Topic<>(nameOf.apply(SIGHTINGS), keys, format.internalSerde(Paper.class));
    this.fetchLog = new Topic<>(nameOf.apply(FETCH_LOG), keys, format.serde(FetchLogEntry.class));
    this.ingestLog = new Topic<>(nameOf.apply(INGEST_LOG), keys, fetchLog.valueSerde());
    this.keywordVocabulary = new Topic<>(nameOf.apply(KEYWORD_VOCABULARY), keys, Serdes.String());
    this.keywordEmerging =
        new Topic<>(nameOf.apply(KEYWORD_EMERGING), keys, format.serde(KeywordEmergence.class));
  }

  /**
   * Topics named by {@code nameOf}, which is given a logical name ({@link #RAW_ENTRIES}, ...)
   * and returns the topic name to use.
   */
  public static Topics named(UnaryOperator<String> nameOf) {
    return named(nameOf, SerdeFormat.embedded());
  }

  /** Topics named by {@code nameOf} whose Avro values are written in {@code format}. */
  public static Topics named(UnaryOperator<String> nameOf, SerdeFormat format) {
    return new Topics(logical -> {
      String name = nameOf.apply(logical);
      return name == null || name.isBlank() ? DEFAULT_NAMES.get(logical) : name;
    }, format);
  }

  public static Topics defaults() {
    return new Topics(DEFAULT_NAMES::get, SerdeFormat.embedded());
  }

  /** How this registry's Avro values are written ({@code serde.format}). */
  public SerdeFormat format() {
    return format;
  }

  /** Raw entries as split from digest pages; key = {@link PaperKeys#provisionalKey}. */
  public Topic<String, RawEntry> rawEntries() {
    return rawEntries;
  }

  /** Pages and entries the splitter could not read; key = the page's source. */
  public Topic<String, DeadLetter> rawDeadLetters() {
    return rawDeadLetters;
  }

  /** One record per paper (compacted); key = paper id. */
  public Topic<String, Paper> papers() {
    return papers;
  }

  /** Distinct papers per keyword and date (compacted); key = {@code keyword|YYYY-MM-DD}. */
  public Topic<String, KeywordCount> keywordDailyCounts() {
    return keywordDailyCounts;
  }

  /** The top keywords of each date (compacted); key = {@code YYYY-MM-DD}. */
  public Topic<String, KeywordTrend> keywordTrends() {
    return keywordTrends;
  }

  /** Records the processor could not read or process, as they were, with the reason in headers. */
  public Topic<byte[], byte[]> processingDeadLetters() {
    return processingDeadLetters;
  }

  /**
   * Internal to the processor: normalized sightings keyed by resolved paper id, and records
   * handed from a retired title key to the paper's arXiv id. Not a contract for consumers.
   */
  public Topic<String, Paper> sightings() {
    return sightings;
  }

  /**
   * The continuous feed's fetch log (compacted): the last fetch of each page, so that a restarted
   * feed resumes where it stopped; key = the page's URL.
   */
  public Topic<String, FetchLogEntry> fetchLog() {
    return fetchLog;
  }

  /**
   * The ingest log (compacted): one record per page that {@code papers ingest} / {@code papers run
   * SOURCE} produced, so that a rerun skips it; key = source and content fingerprint, value in the
   * fetch log's shape.
   */
  public Topic<String, FetchLogEntry> ingestLog() {
    return ingestLog;
  }

  /**
   * Internal to the processor: the keyphrase vocabulary learned from papers' own keywords
   * (compacted); key = a canonical keyphrase ("" for the number of papers), value =
   * {@code "<papers that chose it> <papers whose text offered it>"}. Read by every instance as a
   * global store.
   */
  public Topic<String, String> keywordVocabulary() {
    return keywordVocabulary;
  }

  /**
   * The emerging keywords of each date (compacted): new or bursting against their own history;
   * key = {@code YYYY-MM-DD}, a tombstone when a date has none.
   */
  public Topic<String, KeywordEmergence> keywordEmerging() {
    return keywordEmerging;
  }

  /** The topic with this topic name or logical name ({@code papers}, {@code raw-entries}, ...). */
  public java.util.Optional<Topic<?, ?>> find(String name) {
    List<String> logical = List.copyOf(DEFAULT_NAMES.keySet());
    List<Topic<?, ?>> all = all();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(name) || logical.get(i).equals(name)) {
        return java.util.Optional.of(all.get(i));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The registry subject of {@code topic}'s values, {@code <topic>-value}, for the topics whose
   * values are Avro records published to consumers; empty for the processor's internal topics,
   * the vocabulary's strings and the processing dead letters' raw bytes, which no registry knows.
   */
  public java.util.Optional<String> valueSubject(Topic<?, ?> topic) {
    return List.of(rawEntries, rawDeadLetters, papers, keywordDailyCounts, keywordTrends, fetchLog, ingestLog, keywordEmerging)
        .contains(topic)
        ? java.util.Optional.of(RegistryAvroSerde.valueSubject(topic.name()))
        : java.util.Optional.empty();
  }

  /** Every topic, in the order of {@link #DEFAULT_NAMES}. */
  public List<Topic<?, ?>> all() {
    return List.of(rawEntries, rawDeadLetters, papers, keywordDailyCounts, keywordTrends, processingDeadLetters,
        sightings, fetchLog, ingestLog, keywordVocabulary, keywordEmerging);
  }

  private static Map<String, String> defaultNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(RAW_ENTRIES, "paper-raw-entries");
    names.put(RAW_DEAD_LETTERS, "paper-raw-dead-letters");
    names.put(PAPERS, "papers");
    names.put(KEYWORD_DAILY_COUNTS, "keyword-daily-counts");
    names.put(KEYWORD_TRENDS, "keyword-trends");
    names.put(PROCESSING_DEAD_LETTERS, "paper-processing-dead-letters");
    names.put(SIGHTINGS, "paper-sightings");
    names.put(FETCH_LOG, "paper-fetch-log");
    names.put(INGEST_LOG, "paper-ingest-log");
    names.put(KEYWORD_VOCABULARY, "paper-keyword-vocabulary");
    names.put(KEYWORD_EMERGING, "keyword-emerging");
    return java.util.Collections.unmodifiableMap(names);
  }
}
