package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeyphraseVocabulary;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The keyphrase vocabulary as the global store holds it: what the ranker asks, answered from the store. */
final class StoreVocabulary implements KeyphraseVocabulary {

  private final ReadOnlyKeyValueStore<String, String> store;

  StoreVocabulary(ReadOnlyKeyValueStore<String, String> store) {
    this.store = store;
  }

  @Override
  public long papers() {
    return VocabularyCounts.parse(store.get("")).chosen();
  }

  @Override
  public long papersWith(String canonicalPhrase) {
    return canonicalPhrase.isEmpty() ? 0 : VocabularyCounts.parse(store.get(canonicalPhrase)).chosen();
  }

  @Override
  public long papersSeen(String canonicalPhrase) {
    return canonicalPhrase.isEmpty() ? 0 : VocabularyCounts.parse(store.get(canonicalPhrase)).seen();
  }

  @Override
  public Counts counts(String canonicalPhrase) {
    VocabularyCounts counts = canonicalPhrase.isEmpty() ? VocabularyCounts.NONE
        : VocabularyCounts.parse(store.get(canonicalPhrase));
    return new Counts(counts.chosen(), counts.seen());
  }
}
