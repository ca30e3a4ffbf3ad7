package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.enrich.SeededVocabulary;
import io.paperstream.processor.trend.PunctuationBudget;
import io.paperstream.schemas.Topic;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyphrase vocabulary the processor learns from the stream: every paper record that
 * carries keywords of its own teaches which phrases people choose ({@link VocabularyLessons}),
 * cut by phrase over as many partitions as the raw entries have ({@link VocabularyPartitioner}),
 * where a counter per partition sums its phrases' lessons ({@link VocabularyCounter}) into the
 * compacted vocabulary topic, and every instance reads that topic into a global store, which
 * the ranker asks for papers without keywords of their own ({@link #vocabulary}).
 *
 * <pre>
 * paper changes ─ lessons ─▶ by phrase, N partitions ─ count ─▶ keyword-vocabulary ─▶ global store (every instance)
 * </pre>
 */
public final class VocabularyTopology {

  /** Per paper key: what it taught last. */
  public static final String LESSONS_STORE = "vocabulary-lessons";
  public static final String COUNTS_STORE = "vocabulary-counts";
  public static final String DIRTY_STORE = "vocabulary-dirty";
  /** The global store every instance reads. */
  public static final String VOCABULARY_STORE = "keyphrase-vocabulary";

  private VocabularyTopology() {}

  /**
   * Adds the learning path from the deduplicator's {@code changes} and the global store fed by
   * {@code topic}, the counting on {@code partitions} partitions (a phrase's partition depends on
   * their number: it cannot change while the counts are kept).
   */
  static void addTo(StreamsBuilder builder, KStream<String, PaperChange> changes, Topic<String, String> topic,
      KeywordExtractor extractor, int partitions, Duration emitInterval, PunctuationBudget.Limits punctuation) {
    Serde<String> strings = Serdes.String();
    // cached: a phrase many papers offer is written to RocksDB and its changelog once per commit,
    // not once per paper (a lesson has dozens of phrases)
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LESSONS_STORE), strings, strings)
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS_STORE), strings, strings)
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DIRTY_STORE), strings, strings)
        .withCachingEnabled());
    changes
        .process(() -> new VocabularyLessons(LESSONS_STORE, extractor, partitions), Named.as("vocabulary-lessons"),
            LESSONS_STORE)
        .repartition(Repartitioned.with(strings, strings).withName("vocabulary-deltas")
            .withNumberOfPartitions(partitions).withStreamPartitioner(new VocabularyPartitioner()))
        .process(() -> new VocabularyCounter(COUNTS_STORE, DIRTY_STORE, emitInterval, punctuation.budget()),
            Named.as("vocabulary-count"), COUNTS_STORE, DIRTY_STORE)
        .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName("to-keyword-vocabulary"));
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VOCABULARY_STORE), strings, strings)
            .withLoggingDisabled(),
        topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName("keyword-vocabulary"),
        () -> new GlobalUpdater());
  }

  /**
   * The vocabulary a processor of this topology ranks with: {@code seed} (the jar's
   * {@link io.paperstream.processor.enrich.SeedVocabulary}, or none) plus what the global store holds.
   */
  static KeyphraseVocabulary vocabulary(ProcessingContext context, KeyphraseVocabulary seed) {
    KeyValueStore<String, String> store = context.getStateStore(VOCABULARY_STORE);
    StoreVocabulary learned = new StoreVocabulary(store);
    return seed.papers() == 0 ? learned : new SeededVocabulary(seed, learned);
  }

  /**
   * Copies the vocabulary topic into the global store. A record that is not a count (written by
   * another client) is skipped with a warning that says where it is: stored, it would fail the
   * enrichment of every paper that offers its phrase. (Kafka Streams cannot dead-letter a record
   * of a global store's topic.) The phrase keeps the counts it had.
   */
  static final class GlobalUpdater implements Processor<String, String, Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalUpdater.class);
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.context = context;
      store = context.getStateStore(VOCABULARY_STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.key() == null) {
        LOG.warn("skipped a record without a phrase {}", where());
      } else if (record.value() == null) {
        store.delete(record.key());
      } else if (VocabularyCounts.isCount(record.value())) {
        store.put(record.key(), record.value());
      } else {
        LOG.warn("skipped the record of phrase \"{}\" {}: \"{}\" is not \"<papers that chose it> <papers that "
            + "offered it>\"", record.key(), where(), abbreviated(record.value()));
      }
    }

    private String where() {
      return context.recordMetadata()
          .map(m -> "at offset " + m.offset() + " of partition " + m.partition() + " of " + m.topic())
          .orElse("in the vocabulary topic");
    }

    private static String abbreviated(String value) {
      return value.length() <= 80 ? value : value.substring(0, 80) + "… (" + value.length() + " characters)";
    }
  }
}
