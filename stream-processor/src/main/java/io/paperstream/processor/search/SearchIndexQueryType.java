package io.paperstream.processor.search;

import java.util.List;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/** Finds every local partition of the search index for interactive queries, searched as one. */
final class SearchIndexQueryType implements QueryableStoreType<SearchIndex> {

  @Override
  public boolean accepts(StateStore store) {
    return store instanceof SearchIndexStore;
  }

  @Override
  public SearchIndex create(StateStoreProvider provider, String storeName) {
    return (query, count, order) -> LocalSearchIndexes.search(
        provider.stores(storeName, this).stream().map(SearchIndexStore.class::cast).toList(), query, count, order);
  }
}
