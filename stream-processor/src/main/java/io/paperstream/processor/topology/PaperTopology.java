package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.enrich.PaperEnricher;
import io.paperstream.processor.enrich.SeedVocabulary;
import io.paperstream.processor.normalize.EntryNormalizer;
import io.paperstream.processor.search.SearchIndexStore;
import io.paperstream.processor.trend.EmergingProcessor;
import io.paperstream.processor.trend.KeywordCounter;
import io.paperstream.processor.trend.TrendProcessor;
import io.paperstream.schemas.KeywordCount;
import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.KeywordDeltas;
import io.paperstream.schemas.KeywordEmergence;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topology: raw entries in; one paper record per paper, keyword counts per
 * date and keyword trends out. {@link #buildTopology} reads as the diagram does, one method per
 * step, in the order of the README's step list:
 *
 * <pre>
 * raw entries ─ 1 normalize ─┬─ 2 identify ─┬─ 3+4 dedupe, enrich ─┬─▶ papers
 *                            │                                      ├─ paper index
 *                            │                                      ├─ search index
 *                            │                                      ├─ vocabulary (VocabularyTopology)
 * sightings ─────────────────┘              │                      │
 *   ▲ ◀── another task's paper ─────────────┘                      │
 *   └──── title claims, hand-overs ◀───────────────────────────────┤
 * keyword deltas, one record per paper change, one partition ◀─────┘
 *   └ 5 count ─┬─▶ keyword-daily-counts
 *              ├ 6 trend ─▶ keyword-trends
 *              └ 7 emerging ─▶ keyword-emerging
 * </pre>
 *
 * <p>Steps 1 to 4 run in one task per partition: a raw entry keyed as its paper id (every entry
 * with an arXiv id, as ingest keys them) is deduped where it is read, so the path from a raw
 * entry to its paper record has one transactional hop, as a bare repartition+count app has.
 *
 * Pure: it builds a description and touches no cluster, so the app and the tests share it.
 */
public final class PaperTopology {

  public static final String TITLE_IDS_STORE = "title-ids-by-title-key";
  public static final String PAPERS_STORE = "papers-by-id";
  /** {@code keyword|date} → distinct papers: the counts, read by the trends and the app's queries. */
  public static final String TRENDS_BY_KEYWORD_STORE = "trend-counts-by-keyword";
  /** {@code date|keyword} → distinct papers: the same counts, indexed by date. */
  public static final String TRENDS_BY_DATE_STORE = "trend-counts-by-date";
  public static final String TRENDS_DIRTY_STORE = "trend-dirty-dates";
  /** Dates whose emerging keywords wait to be recomputed. */
  public static final String EMERGING_DIRTY_STORE = "emerging-dirty-dates";
  /** {@code YYYY-MM-DD} → the date's emerging keywords, as last emitted to {@code keyword-emerging}. */
  public static final String EMERGING_STORE = "keyword-emerging-by-date";

  private final StreamsBuilder builder = new StreamsBuilder();
  private final Topics topics;
  private final TopologyOptions options;
  private final Serde<String> strings = Serdes.String();
  private final Serde<Paper> papers;
  private final KeywordExtractor extractor;

  private PaperTopology(Topics topics, TopologyOptions options) {
    this.topics = topics;
    this.options = options;
    // The by-title repartition topic and the papers store hold the embedded form whatever
    // serde.format: internal, like the sightings topic, so restoring state never needs the registry.
    this.papers = topics.sightings().valueSerde();
    this.extractor = new KeywordExtractor(options.keywordsPerPaper());
  }

  public static Topology buildTopology(Topics topics, TopologyOptions options) {
    PaperTopology steps = new PaperTopology(topics, options);
    KStream<String, Routed> here = steps.identify(steps.normalize());
    KStream<String, PaperChange> changes = steps.dedupeAndEnrich(here);
    VocabularyTopology.addTo(steps.builder, changes, topics.keywordVocabulary(), steps.extractor,
        options.partitions(), options.trendEmitInterval(), options.punctuation());
    steps.publishPapers(changes);
    steps.handOverRetiredTitleKeys(changes);
    steps.indexPapers(changes);
    steps.indexForSearch(changes);
    KStream<String, Long> counts = steps.count(changes);
    steps.trend(counts);
    steps.emerging(counts);
    return steps.builder.build();
  }

  /** 1. Normalize: a failure goes to the dead-letter topic with the original record and the reason. */
  private KStream<String, Paper> normalize() {
    EntryNormalizer normalizer = new EntryNormalizer();
    return builder
        .stream(topics.rawEntries().name(), consumed(topics.rawEntries(), "raw-entries"))
        .processValues(() -> new NormalizeEntry(normalizer), Named.as("normalize"));
  }

  /**
   * 2. Identify: each sighting, and each record coming back from the sightings topic, gets its
   * paper id; those of a paper this task holds go on to dedupe, the others to the sightings
   * topic, keyed by their id, which takes them to the task that holds it.
   */
  private KStream<String, Routed> identify(KStream<String, Paper> normalized) {
    builder.addStateStore(cached(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(TITLE_IDS_STORE), strings, strings)));
    KStream<String, Routed> routed = normalized
        .merge(builder.stream(topics.sightings().name(), consumed(topics.sightings(), "sightings")),
            Named.as("sightings-and-entries"))
        .process(() -> new IdentityResolver(TITLE_IDS_STORE, topics.sightings().name()), Named.as("identify"),
            TITLE_IDS_STORE);
    routed
        .filterNot((id, sighting) -> sighting.here(), Named.as("elsewhere"))
        .mapValues(Routed::sighting, Named.as("sighting-to-route"))
        .to(topics.sightings().name(), produced(topics.sightings(), "route-to-sightings"));
    return routed.filter((id, sighting) -> sighting.here(), Named.as("here"));
  }

  /**
   * 3 and 4. Dedupe per paper id, and enrich each paper once (again only when its text
   * changes); a title seen with an id for the first time is claimed, through the sightings topic.
   */
  private KStream<String, PaperChange> dedupeAndEnrich(KStream<String, Routed> here) {
    builder.addStateStore(cached(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PAPERS_STORE), strings, papers)));
    PaperEnricher enricher = new PaperEnricher(extractor);
    KeyphraseVocabulary seed = options.seedVocabulary() ? SeedVocabulary.shipped() : KeyphraseVocabulary.EMPTY;
    // a merger per processor, not one for all: each processor's init gives its merger a vocabulary
    KStream<String, DedupeResult> results = here
        .mapValues(Routed::sighting, Named.as("sighting-here"))
        .process(() -> new PaperDeduplicator(PAPERS_STORE, new PaperMerger(enricher), seed), Named.as("dedupe"),
            PAPERS_STORE);
    results
        .filter((key, result) -> result instanceof TitleClaim, Named.as("title-claims"))
        .mapValues(result -> ((TitleClaim) result).claim(), Named.as("claim-record"))
        .to(topics.sightings().name(), produced(topics.sightings(), "claims-to-sightings"));
    return results
        .filter((id, result) -> result instanceof PaperChange, Named.as("paper-changes"))
        .mapValues(result -> (PaperChange) result, Named.as("paper-change"));
  }

  private void publishPapers(KStream<String, PaperChange> changes) {
    changes
        .mapValues(PaperChange::after, Named.as("record-of-change"))
        .to(topics.papers().name(), produced(topics.papers(), "to-papers"));
  }

  /** A retired title key's record goes back through sightings, to the id it now has. */
  private void handOverRetiredTitleKeys(KStream<String, PaperChange> changes) {
    changes
        .filter((id, change) -> change.movedTo() != null, Named.as("hand-overs"))
        .map((id, change) -> KeyValue.pair(change.movedTo(),
            Paper.newBuilder(change.before()).setPaperId(change.movedTo()).build()), Named.as("to-new-id"))
        .to(topics.sightings().name(), produced(topics.sightings(), "hand-over-to-sightings"));
  }

  /**
   * The paper index (newest papers by date, keyword and author, listings, counts) for the query
   * API, in the dedupe task. Without a changelog (25-40 records a new paper, more than the rest of
   * its writes): rebuilt from the papers store when a task starts with an index that does not
   * describe it, which the version store, logged with the papers, tells.
   */
  private void indexPapers(KStream<String, PaperChange> changes) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PaperIndex.STORE), strings, strings)
        .withLoggingDisabled());
    builder.addStateStore(cached(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PaperIndex.VERSION_STORE), strings, Serdes.Long())));
    changes.process(PaperIndexer::new, Named.as("index-papers"), PaperIndex.STORE, PaperIndex.VERSION_STORE,
        PAPERS_STORE);
  }

  /** The search index (Lucene, in memory, rebuilt from the papers store) for the query API, in the dedupe task. */
  private void indexForSearch(KStream<String, PaperChange> changes) {
    builder.addStateStore(SearchIndexStore.builder());
    changes.process(SearchIndexer::new, Named.as("index-for-search"), SearchIndexStore.NAME, PAPERS_STORE);
  }

  /**
   * 5. Count distinct papers per keyword and date: each paper change sends all its keyword
   * deltas in one record to a single partition, where the counts are kept and every changed
   * count goes to {@code keyword-daily-counts} (zero as a tombstone).
   */
  private KStream<String, Long> count(KStream<String, PaperChange> changes) {
    Serde<KeywordDeltas> deltas = topics.format().internalSerde(KeywordDeltas.class);
    builder.addStateStore(cached(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(TRENDS_BY_KEYWORD_STORE), strings, Serdes.Long())));
    builder.addStateStore(cached(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(TRENDS_BY_DATE_STORE), strings, Serdes.Long())));
    KStream<String, Long> counts = changes
        .mapValues(PaperChange::keywordDeltas, Named.as("keyword-deltas-of-change"))
        .filter((id, change) -> !change.getDeltas().isEmpty(), Named.as("changed-keywords"))
        .repartition(Repartitioned.with(strings, deltas).withName("keyword-deltas").withNumberOfPartitions(1))
        .process(() -> new KeywordCounter(TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE), Named.as("count"),
            TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE);
    counts
        .mapValues(PaperTopology::keywordCount, Named.as("to-keyword-count"))
        .to(topics.keywordDailyCounts().name(), produced(topics.keywordDailyCounts(), "to-keyword-daily-counts"));
    return counts;
  }

  /** 6. Trend: the top keywords of every date whose counts changed, emitted once per interval. */
  private void trend(KStream<String, Long> counts) {
    builder.addStateStore(cached(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(TRENDS_DIRTY_STORE), strings, strings)));
    TrendProcessor.Stores stores =
        new TrendProcessor.Stores(TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE, TRENDS_DIRTY_STORE);
    counts
        .process(() -> new TrendProcessor(stores, options.trendTop(), options.trendMinSupport(),
            options.trendEmitInterval(), options.punctuation().budget()),
            Named.as("trend"), TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE, TRENDS_DIRTY_STORE)
        .to(topics.keywordTrends().name(), produced(topics.keywordTrends(), "to-keyword-trends"));
  }

  /**
   * 7. Emerging: the keywords new or bursting against their own history, per date, recomputed
   * once per interval for the dates a count changed, beside the trends and from the same counts.
   */
  private void emerging(KStream<String, Long> counts) {
    // the store (and its changelog) in the embedded form whatever serde.format, like every store
    Serde<KeywordEmergence> emergence = topics.format().internalSerde(KeywordEmergence.class);
    builder.addStateStore(cached(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(EMERGING_DIRTY_STORE), strings, strings)));
    builder.addStateStore(cached(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(EMERGING_STORE), strings, emergence)));
    EmergingProcessor.Stores stores = new EmergingProcessor.Stores(
        TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE, EMERGING_DIRTY_STORE, EMERGING_STORE);
    counts
        .process(() -> new EmergingProcessor(stores, options.emerging(), options.trendEmitInterval(),
                options.punctuation().budget()),
            Named.as("emerging"), TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE, EMERGING_DIRTY_STORE, EMERGING_STORE)
        .to(topics.keywordEmerging().name(), produced(topics.keywordEmerging(), "to-keyword-emerging"));
  }

  /** A zero count is a tombstone: the compacted topic then forgets the key. */
  private static KeywordCount keywordCount(String keywordDate, Long count) {
    if (count == null || count <= 0) {
      return null;
    }
    KeywordDateKey key = KeywordDateKey.decode(keywordDate);
    return KeywordCount.newBuilder().setKeyword(key.keyword()).setDate(key.date()).setCount(count).build();
  }

  /**
   * Stores write through Kafka Streams' record cache: repeated updates of one key between two
   * commits (a popular keyword's count, a re-polled paper) reach RocksDB and the changelog once.
   */
  private static <S extends KeyValueStore<String, V>, V> StoreBuilder<S> cached(StoreBuilder<S> store) {
    return store.withCachingEnabled();
  }

  private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, String name) {
    return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }

  private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }
}
