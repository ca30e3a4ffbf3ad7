package io.paperstream.processor.search;

import io.paperstream.schemas.Paper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
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

  /**
   * A mock context whose search index stores make every change searchable at once (the
   * freshness bound is tested on its own, in {@code SearchIndexFreshnessTest}).
   */
  public static MockProcessorContext<Void, Void> contextSearchingEveryChange() {
    return contextRefreshingAfter(0);
  }

  /** A mock context whose search index stores reopen their reader at most every {@code refreshMs}. */
  public static MockProcessorContext<Void, Void> contextRefreshingAfter(long refreshMs) {
    return contextWithRefreshSetting(Long.toString(refreshMs));
  }

  /** A mock context with {@link SearchIndexStore#REFRESH_MS_CONFIG} set to {@code value} as it is. */
  public static MockProcessorContext<Void, Void> contextWithRefreshSetting(String value) {
    Properties settings = new Properties();
    settings.put(SearchIndexStore.REFRESH_MS_CONFIG, value);
    return context(settings);
  }

  /**
   * A mock context with {@code settings}, whose task has a state directory of its own (a new
   * temporary folder, removed at exit once the stores in it have removed their files).
   */
  public static MockProcessorContext<Void, Void> context(Properties settings) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "search-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.putAll(settings);
    try {
      File stateDir = Files.createTempDirectory("paperstream-search-test").toFile();
      stateDir.deleteOnExit();
      return new MockProcessorContext<>(config, new TaskId(0, 0), stateDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary state directory", e);
    }
  }

  /** A started, empty store, registered with {@code context}. */
  public static SearchIndexStore startedStore(MockProcessorContext<?, ?> context) {
    SearchIndexStore store = SearchIndexStore.builder().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }
}
