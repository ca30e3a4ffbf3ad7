package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The stores beside the paper index that {@link PaperIndexer} reads, in memory, for tests. */
final class PaperIndexStores {

  private PaperIndexStores() {}

  static KeyValueStore<String, String> index(MockProcessorContext<?, ?> context) {
    KeyValueStore<String, String> index = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PaperIndex.STORE),
        Serdes.String(), Serdes.String()).withLoggingDisabled().build();
    index.init(context.getStateStoreContext(), index);
    context.addStateStore(index);
    return index;
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
}
