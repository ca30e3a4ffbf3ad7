package io.paperstream.processor.search;

import io.paperstream.schemas.Paper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;

/** Invented papers and a search index store started in a mock context, for the search tests. */
public final class SearchPapers {

  private SearchPapers() {}

  /** An invented paper. */
  public static Paper paper(String id, String title, String abstractText, LocalDate published, String... authors) {
    Instant seen = Instant.parse("2026-03-20T08:00:00Z");
    return Paper.newBuilder()
        .setPaperId(id)
        .setArxivId(id)
        .setTitle(title)
        .setAbstract$(abstractText)
        .setAuthors(List.of(authors))
        .setPublishedDate(published)
        .setFirstSeen(seen)
        .setLastSeen(seen)
        .setSightings(1)
        .build();
  }

  /** A started, empty store, registered with {@code context}. */
  public static SearchIndexStore startedStore(MockProcessorContext<?, ?> context) {
    SearchIndexStore store = SearchIndexStore.builder().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }
}
