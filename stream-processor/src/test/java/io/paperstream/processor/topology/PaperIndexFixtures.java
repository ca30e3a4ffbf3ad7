package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** For tests of {@link PaperIndexer}: its stores, in memory, invented papers and an index's contents. */
final class PaperIndexFixtures {

  static final Instant SEEN = Instant.parse("2026-03-20T08:00:00Z");

  private PaperIndexFixtures() {}

  static KeyValueStore<String, String> index(MockProcessorContext<?, ?> context) {
    KeyValueStore<String, String> index = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PaperIndex.STORE),
        Serdes.String(), Serdes.String()).withLoggingDisabled().build();
    index.init(context.getStateStoreContext(), index);
    context.addStateStore(index);
    return index;
  }

  /** A context whose application runs exactly-once (a default one says at-least-once). */
  static MockProcessorContext<Void, Void> exactlyOnceContext() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "paper-index-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    return new MockProcessorContext<>(config);
  }

  /** Adds an empty version store and an empty papers store to {@code context}. */
  static void addVersionsAndPapers(MockProcessorContext<?, ?> context) {
    versions(context);
    papers(context);
  }

  static KeyValueStore<String, Long> versions(MockProcessorContext<?, ?> context) {
    KeyValueStore<String, Long> versions = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(PaperIndex.VERSION_STORE), Serdes.String(), Serdes.Long())
        .withLoggingDisabled().build();
    versions.init(context.getStateStoreContext(), versions);
    context.addStateStore(versions);
    return versions;
  }

  static KeyValueStore<String, Paper> papers(MockProcessorContext<?, ?> context) {
    KeyValueStore<String, Paper> papers = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(PaperTopology.PAPERS_STORE), Serdes.String(),
        Topics.defaults().sightings().valueSerde()).withLoggingDisabled().build();
    papers.init(context.getStateStoreContext(), papers);
    context.addStateStore(papers);
    return papers;
  }

  /** A paper first seen at {@link #SEEN}, by two authors. */
  static Paper paper(String id, int upvotes, LocalDate published, List<String> keywords) {
    return Paper.newBuilder()
        .setPaperId(id)
        .setArxivId(id)
        .setTitle("An invented study " + id)
        .setAuthors(List.of("Ana Okafor", "Ben Lindqvist"))
        .setPublishedDate(published)
        .setUpvotes(upvotes)
        .setKeywords(keywords)
        .setFirstSeen(SEEN)
        .setLastSeen(SEEN)
        .setSightings(1)
        .build();
  }

  /** Every key of an index and its value, sorted. */
  static Map<String, String> contents(KeyValueStore<String, String> index) {
    Map<String, String> all = new TreeMap<>();
    try (KeyValueIterator<String, String> each = index.all()) {
      each.forEachRemaining(entry -> all.put(entry.key, entry.value));
    }
    return all;
  }
}
