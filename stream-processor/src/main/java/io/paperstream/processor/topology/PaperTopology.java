package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.enrich.PaperEnricher;
import io.paperstream.processor.normalize.EntryNormalizer;
import io.paperstream.processor.normalize.NormalizationException;
import io.paperstream.processor.trend.TrendProcessor;
import io.paperstream.schemas.KeywordCount;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topology: raw entries in; one paper record per paper, keyword counts per
 * date and keyword trends out.
 *
 * <pre>
 * raw entries ─ normalize+enrich ─ by title ─ identify ─▶ sightings ─ dedupe ─┬▶ papers
 *                                                            ▲                 ├─ hand-over ┘
 *                                                            └─────────────────┘
 *                                     links (keyword|date|paper) ─ count ─▶ keyword-daily-counts
 *                                                                  └ one partition ─ trend ─▶ keyword-trends
 * </pre>
 *
 * Pure: it builds a description and touches no cluster, so the app and the tests share it.
 */
public final class PaperTopology {

  public static final String TITLE_IDS_STORE = "title-ids";
  public static final String PAPERS_STORE = "papers-by-id";
  public static final String LINKS_STORE = "keyword-links";
  public static final String COUNTS_STORE = "keyword-daily-counts";
  public static final String TRENDS_BY_KEYWORD_STORE = "trend-counts-by-keyword";
  public static final String TRENDS_BY_DATE_STORE = "trend-counts-by-date";
  public static final String TRENDS_DIRTY_STORE = "trend-dirty-dates";

  private PaperTopology() {}

  /** What the topology can be tuned with; defaults in {@link #defaults()}. */
  public record Options(int keywordsPerPaper, int trendTop, Duration trendEmitInterval, int trendMinSupport) {
    /** Papers a keyword needs in the 7-day window before it can trend, when not configured. */
    public static final int DEFAULT_TREND_MIN_SUPPORT = 2;

    /** Without a minimum support: every keyword can trend. */
    public Options(int keywordsPerPaper, int trendTop, Duration trendEmitInterval) {
      this(keywordsPerPaper, trendTop, trendEmitInterval, 1);
    }

    public static Options defaults() {
      return new Options(KeywordExtractor.DEFAULT_MAX_KEYWORDS, 25, Duration.ofSeconds(1), DEFAULT_TREND_MIN_SUPPORT);
    }
  }

  public static Topology buildTopology(Topics topics, Options options) {
    StreamsBuilder builder = new StreamsBuilder();
    Serde<String> strings = Serdes.String();
    Serde<Paper> papers = topics.papers().valueSerde();
    KeywordExtractor extractor = new KeywordExtractor(options.keywordsPerPaper());
    PaperEnricher enricher = new PaperEnricher(extractor);
    EntryNormalizer normalizer = new EntryNormalizer();

    // 1. normalize and enrich; a failure goes to the dead-letter topic via the processing
    //    exception handler, with the original record and the reason.
    KStream<String, Paper> normalized = builder
        .stream(topics.rawEntries().name(), consumed(topics.rawEntries(), "raw-entries"))
        .processValues(() -> new NormalizeAndEnrich(normalizer, enricher), Named.as("normalize-and-enrich"));
    VocabularyTopology.addTo(builder, normalized, topics.keywordVocabulary(), extractor, options.trendEmitInterval());

    // 2. identify: every sighting of one title meets one store entry
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(TITLE_IDS_STORE), strings, strings));
    normalized
        .selectKey((key, paper) -> PaperKeys.titleFingerprint(paper.getTitle()), Named.as("key-by-title"))
        .repartition(Repartitioned.with(strings, papers).withName("by-title"))
        .process(() -> new IdentityResolver(TITLE_IDS_STORE), Named.as("identify"), TITLE_IDS_STORE)
        .to(topics.sightings().name(), produced(topics.sightings(), "to-sightings"));

    // 3. dedupe per resolved id; hand-overs from retired title keys loop back through sightings
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PAPERS_STORE), strings, papers));
    KStream<String, PaperChange> changes = builder
        .stream(topics.sightings().name(), consumed(topics.sightings(), "sightings"))
        .process(() -> new PaperDeduplicator(PAPERS_STORE, new PaperMerger(enricher)),
            Named.as("dedupe"), PAPERS_STORE);
    changes
        .mapValues(PaperChange::after, Named.as("record-of-change"))
        .to(topics.papers().name(), produced(topics.papers(), "to-papers"));
    changes
        .filter((id, change) -> change.movedTo() != null, Named.as("hand-overs"))
        .map((id, change) -> KeyValue.pair(change.movedTo(),
            Paper.newBuilder(change.before()).setPaperId(change.movedTo()).build()), Named.as("to-new-id"))
        .to(topics.sightings().name(), produced(topics.sightings(), "hand-over-to-sightings"));
    // 3b. the paper index (newest papers by date and keyword) for the query API, in the same task
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PaperIndex.STORE), strings, strings));
    changes.process(PaperIndexer::new, Named.as("index-papers"), PaperIndex.STORE);

    // 5. count distinct papers per keyword and date, from links that a changed record retracts
    KTable<String, Long> counts = changes
        .flatMap((id, change) -> change.linkUpdates().entrySet().stream()
            .map(link -> KeyValue.pair(link.getKey(), link.getValue()))
            .collect(Collectors.toList()), Named.as("keyword-links"))
        .toTable(Named.as("links-table"), Materialized.<String, String, org.apache.kafka.streams.state.KeyValueStore<
            org.apache.kafka.common.utils.Bytes, byte[]>>as(LINKS_STORE).withKeySerde(strings).withValueSerde(strings))
        .groupBy((link, paperId) -> KeyValue.pair(PaperChange.keywordDateOfLink(link), paperId),
            Grouped.with("links-by-keyword-date", strings, strings))
        .count(Named.as("count-papers"), Materialized.as(COUNTS_STORE));
    KStream<String, Long> countChanges = counts.toStream(Named.as("count-changes"));
    countChanges
        .mapValues((keywordDate, count) -> keywordCount(keywordDate, count), Named.as("to-keyword-count"))
        .to(topics.keywordDailyCounts().name(), produced(topics.keywordDailyCounts(), "to-keyword-daily-counts"));

    // 6. trends need every count in one place
    TrendProcessor.Stores trendStores =
        new TrendProcessor.Stores(TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE, TRENDS_DIRTY_STORE);
    for (String store : List.of(TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), strings, Serdes.Long()));
    }
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(TRENDS_DIRTY_STORE), strings, strings));
    countChanges
        .repartition(Repartitioned.with(strings, Serdes.Long()).withName("counts-for-trends").withNumberOfPartitions(1))
        .process(() -> new TrendProcessor(trendStores, options.trendTop(), options.trendMinSupport(),
            options.trendEmitInterval()),
            Named.as("trend"), TRENDS_BY_KEYWORD_STORE, TRENDS_BY_DATE_STORE, TRENDS_DIRTY_STORE)
        .to(topics.keywordTrends().name(), produced(topics.keywordTrends(), "to-keyword-trends"));

    return builder.build();
  }

  /** A zero count is a tombstone: the compacted topic then forgets the key. */
  private static KeywordCount keywordCount(String keywordDate, Long count) {
    if (count == null || count <= 0) {
      return null;
    }
    int split = keywordDate.lastIndexOf(PaperChange.SEPARATOR);
    return KeywordCount.newBuilder()
        .setKeyword(keywordDate.substring(0, split))
        .setDate(LocalDate.parse(keywordDate.substring(split + 1)))
        .setCount(count)
        .build();
  }

  private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, String name) {
    return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }

  private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }

  /** Step 1 and 4: a raw entry becomes a one-sighting paper record with its keywords. */
  private static final class NormalizeAndEnrich implements FixedKeyProcessor<String, RawEntry, Paper> {

    private final EntryNormalizer normalizer;
    private final PaperEnricher enricher;
    private FixedKeyProcessorContext<String, Paper> context;
    private KeyphraseVocabulary vocabulary;

    NormalizeAndEnrich(EntryNormalizer normalizer, PaperEnricher enricher) {
      this.normalizer = normalizer;
      this.enricher = enricher;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Paper> context) {
      this.context = context;
      this.vocabulary = VocabularyTopology.vocabulary(context);
    }

    @Override
    public void process(FixedKeyRecord<String, RawEntry> record) {
      RawEntry entry = record.value();
      if (entry == null) {
        return;
      }
      Paper paper;
      try {
        paper = normalizer.normalize(entry);
      } catch (NormalizationException e) {
        throw new EntryRejectedException(entry, e);
      }
      context.forward(record.withValue(enricher.enrich(paper, paper.getSourceKeywords(), vocabulary)));
    }
  }
}
