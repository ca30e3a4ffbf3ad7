package io.paperstream.config;

import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * paperstream's topics as configured: their names ({@code topics.<logical name>}) and how they
 * are created when missing ({@code topics.partitions}, {@code topics.replication-factor}).
 */
public final class PipelineTopics {

  public static final String PARTITIONS_KEY = "topics.partitions";
  public static final String REPLICATION_KEY = "topics.replication-factor";
  /** {@code min.insync.replicas} of created topics; unset: the broker's default. */
  public static final String MIN_INSYNC_KEY = "topics.min-insync-replicas";
  public static final int DEFAULT_PARTITIONS = 3;
  public static final int DEFAULT_REPLICATION = 1;

  /** Topics that hold the latest value per key: compacted, so they keep every key forever. */
  private static final Set<String> TABLES =
      Set.of(Topics.PAPERS, Topics.KEYWORD_DAILY_COUNTS, Topics.KEYWORD_TRENDS, Topics.FETCH_LOG, Topics.INGEST_LOG,
          Topics.KEYWORD_VOCABULARY, Topics.KEYWORD_EMERGING);

  private PipelineTopics() {}

  /** Whether {@code topic} is one of the table topics of {@code topics}: compacted, one value per key. */
  public static boolean isTable(Topics topics, Topic<?, ?> topic) {
    return TABLES.stream().anyMatch(logical -> topics.find(logical).map(t -> t.name().equals(topic.name())).orElse(false));
  }

  /** The topics as configured: names from {@code topics.*}, the values' wire form from {@code serde.format}. */
  public static Topics from(Settings settings) {
    return Topics.named(logical -> settings.get("topics." + logical, null), SerdeSettings.from(settings));
  }

  /** The topics the ingest producer writes, its ingest log included. */
  public static List<NewTopic> ingestTopics(Topics topics, Settings settings) {
    return List.of(
        newTopic(topics.rawEntries(), Topics.RAW_ENTRIES, settings),
        newTopic(topics.rawDeadLetters(), Topics.RAW_DEAD_LETTERS, settings),
        newTopic(topics.ingestLog(), Topics.INGEST_LOG, settings));
  }

  /** The topics the continuous feed writes: the ingest topics and its fetch log. */
  public static List<NewTopic> feedTopics(Topics topics, Settings settings) {
    return List.of(
        newTopic(topics.rawEntries(), Topics.RAW_ENTRIES, settings),
        newTopic(topics.rawDeadLetters(), Topics.RAW_DEAD_LETTERS, settings),
        newTopic(topics.fetchLog(), Topics.FETCH_LOG, settings));
  }

  /** Every topic of the pipeline. */
  public static List<NewTopic> allTopics(Topics topics, Settings settings) {
    return List.of(
        newTopic(topics.rawEntries(), Topics.RAW_ENTRIES, settings),
        newTopic(topics.rawDeadLetters(), Topics.RAW_DEAD_LETTERS, settings),
        newTopic(topics.papers(), Topics.PAPERS, settings),
        newTopic(topics.keywordDailyCounts(), Topics.KEYWORD_DAILY_COUNTS, settings),
        newTopic(topics.keywordTrends(), Topics.KEYWORD_TRENDS, settings),
        newTopic(topics.processingDeadLetters(), Topics.PROCESSING_DEAD_LETTERS, settings),
        newTopic(topics.sightings(), Topics.SIGHTINGS, settings),
        newTopic(topics.fetchLog(), Topics.FETCH_LOG, settings),
        newTopic(topics.ingestLog(), Topics.INGEST_LOG, settings),
        newTopic(topics.keywordVocabulary(), Topics.KEYWORD_VOCABULARY, settings),
        newTopic(topics.keywordEmerging(), Topics.KEYWORD_EMERGING, settings));
  }

  private static NewTopic newTopic(Topic<?, ?> topic, String logical, Settings settings) {
    int partitions = settings.getInt(PARTITIONS_KEY, DEFAULT_PARTITIONS);
    short replication = (short) settings.getInt(REPLICATION_KEY, DEFAULT_REPLICATION);
    // Event topics are deleted by age (the cluster's retention): every sighting counts
    // downstream, not only the latest per key.
    String policy = TABLES.contains(logical) ? "compact" : "delete";
    Map<String, String> configs = new java.util.HashMap<>(Map.of("cleanup.policy", policy));
    // With acks=all, a write then needs this many live copies: one broker down loses nothing.
    settings.find(MIN_INSYNC_KEY).ifPresent(min -> configs.put("min.insync.replicas", min));
    return new NewTopic(topic.name(), Optional.of(partitions), Optional.of(replication)).configs(configs);
  }
}
