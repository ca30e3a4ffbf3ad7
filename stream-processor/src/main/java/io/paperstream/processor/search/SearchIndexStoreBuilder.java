package io.paperstream.processor.search;

import java.util.Map;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds {@link SearchIndexStore}s: one per task, without a changelog or a record cache (the papers store is the truth). */
record SearchIndexStoreBuilder(String name) implements StoreBuilder<SearchIndexStore> {

  @Override
  public StoreBuilder<SearchIndexStore> withCachingEnabled() {
    throw new UnsupportedOperationException("the search index has no record cache");
  }

  @Override
  public StoreBuilder<SearchIndexStore> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<SearchIndexStore> withLoggingEnabled(Map<String, String> config) {
    throw new UnsupportedOperationException("the search index is rebuilt from the papers store, not logged");
  }

  @Override
  public StoreBuilder<SearchIndexStore> withLoggingDisabled() {
    return this;
  }

  @Override
  public SearchIndexStore build() {
    return new SearchIndexStore(name);
  }

  @Override
  public Map<String, String> logConfig() {
    return Map.of();
  }

  @Override
  public boolean loggingEnabled() {
    return false;
  }
}
