package io.paperstream.processor.search;

import io.paperstream.schemas.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

/**
 * A Lucene index of the papers of one partition, as a Kafka Streams state store: it lives in the
 * task that owns the partition's papers store, moves with it and is closed with it, and is found
 * by interactive queries ({@link #queryType()}) like any other store.
 *
 * <p>It holds nothing that the papers store does not: it is kept without a changelog, in files
 * that live only as long as the store ({@link SearchIndexFiles}: memory-mapped, in a folder of
 * the task's state directory, emptied at start and deleted at close), and rebuilt from the papers store whenever its task starts (after the papers store is restored;
 * in the background, {@link SearchIndexRebuild}, while searches of it answer "not queryable right
 * now"), then kept in step by the indexer, record by record. So it can never disagree with the
 * papers store across restarts, rebalances or aborted transactions (a task whose state is rolled
 * back is closed and started again).
 *
 * <p>Changes become visible to searches within {@link #REFRESH_MS_CONFIG} (default
 * {@value #DEFAULT_REFRESH_MS} ms): a search reopens the near-real-time reader when it is older
 * than that. The reopen picks up every change and every finished background merge (a reader kept
 * on the segments as they were flushed made searches over 100,000 papers 3x slower), and costs a
 * check when nothing changed. Reopening it at every Streams commit instead (every 100 ms, on the
 * stream thread) cost 4–6% of the stream thread's time in profiles of the processor benchmark,
 * mostly writing a tiny segment's norms, whether anyone searched or not.
 *
 * <p>Documents not yet flushed wait in the heap, at most {@link #BUFFER_MB_CONFIG} (default
 * {@value #DEFAULT_BUFFER_MB} MiB) per partition: Lucene's default of 16 MiB is per index, so the
 * heap it took grew with the number of partitions an instance holds.
 */
public final class SearchIndexStore implements StateStore, SearchIndex {

  /** The store's name. */
  public static final String NAME = "paper-search";
  /** Streams configuration key: how stale a search may be, in ms (0: every change at once). */
  public static final String REFRESH_MS_CONFIG = "paperstream.search.refresh.ms";
  public static final long DEFAULT_REFRESH_MS = 1000;
  /** Streams configuration key: the heap of one partition's not yet flushed documents, in MiB. */
  public static final String BUFFER_MB_CONFIG = "paperstream.search.buffer.mb";
  public static final int DEFAULT_BUFFER_MB = 4;

  private final String name;
  private volatile boolean open;
  private volatile String task = "";
  private volatile SearchIndexRebuild rebuild; // null: complete
  private Path folder;
  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private volatile long refreshNanos = DEFAULT_REFRESH_MS * 1_000_000;
  private volatile long lastRefreshStarted;

  SearchIndexStore(String name) {
    this.name = name;
  }

  /** Builds one store per task; no changelog and no cache (the papers store is the truth). */
  public static StoreBuilder<SearchIndexStore> builder() {
    return new SearchIndexStoreBuilder(NAME);
  }

  /** For {@code KafkaStreams.store}: every local partition of the index, searched as one. */
  public static QueryableStoreType<SearchIndex> queryType() {
    return new QueryType();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    refreshNanos = setting(context.appConfigs(), REFRESH_MS_CONFIG, DEFAULT_REFRESH_MS, 0, "ms") * 1_000_000;
    long bufferMb = setting(context.appConfigs(), BUFFER_MB_CONFIG, DEFAULT_BUFFER_MB, 1, "MiB");
    if (context.stateDir() == null) {
      throw new IllegalStateException("the search index " + name + " needs its task's state directory");
    }
    folder = context.stateDir().toPath().resolve(name);
    directory = SearchIndexFiles.openEmpty(folder);
    try {
      // nothing outlives the store, so closing discards the buffered documents rather than
      // flushing them into segments (5% of the stream thread at task close, in a profile)
      writer = new IndexWriter(directory, new IndexWriterConfig(PaperDocuments.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(bufferMb)
          .setCommitOnClose(false));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the search index " + name + " in " + folder, e);
    }
    task = context.taskId().toString();
    lastRefreshStarted = System.nanoTime();
    context.register(root, (key, value) -> {
      // no changelog: rebuilt from the papers store by the indexer
    });
    open = true;
  }

  /**
   * Empties the index and fills it again from {@code papers} on a thread of its own; searches of
   * this partition are refused until it is done ({@link #checkReady}).
   */
  public void rebuildFrom(ReadOnlyKeyValueStore<String, Paper> papers) {
    rebuildFrom(papers, run -> {
      Thread thread = new Thread(run, "search-index-rebuild-" + task);
      thread.setDaemon(true);
      thread.start();
    });
  }

  synchronized void rebuildFrom(ReadOnlyKeyValueStore<String, Paper> papers, Executor executor) {
    clear();
    rebuild = new SearchIndexRebuild(this, papers);
    executor.execute(rebuild);
  }

  /** Applies one change of a paper (null: removed), in step with a rebuild that may be running. */
  public synchronized void apply(String paperId, Paper after) {
    SearchIndexRebuild running = rebuild;
    if (running != null) {
      running.changed(paperId);
    }
    if (after == null) {
      remove(paperId);
    } else {
      index(after);
    }
  }

  /** For the rebuild: indexes the paper unless a change of it was applied meanwhile. */
  synchronized void indexUnless(Paper paper, Set<String> changedMeanwhile) {
    if (!changedMeanwhile.contains(paper.getPaperId())) {
      index(paper);
    }
  }

  /** For the rebuild: done, the index is complete. */
  synchronized void rebuilt(SearchIndexRebuild done) {
    refresh();
    if (rebuild == done) {
      rebuild = null;
    }
  }

  /** Whether the index is complete (no rebuild running). */
  public boolean ready() {
    return rebuild == null;
  }

  /** Refuses a search while the index is being rebuilt: a partial answer would look complete. */
  void checkReady() {
    SearchIndexRebuild running = rebuild;
    if (running != null) {
      throw new InvalidStateStoreException("the search index of task " + task + " is being rebuilt ("
          + running.indexed() + " papers so far)");
    }
  }

  /** A setting of the store: a whole number of {@code unit} >= {@code min}; absent: {@code defaultValue}. */
  private static long setting(Map<String, Object> configs, String key, long defaultValue, long min, String unit) {
    Object configured = configs.get(key);
    if (configured == null) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(configured.toString().strip());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new IllegalArgumentException(key + " must be a whole number of " + unit + " >= " + min + ", not '" + configured + "'");
  }

  /** Adds the paper's document, or replaces the one it had. */
  public void index(Paper paper) {
    try {
      writer.updateDocument(PaperDocuments.idTerm(paper.getPaperId()), PaperDocuments.of(paper));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index paper " + paper.getPaperId(), e);
    }
  }

  /** Removes the paper's document (none: nothing happens). */
  public void remove(String paperId) {
    try {
      writer.deleteDocuments(PaperDocuments.idTerm(paperId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove paper " + paperId + " from the search index", e);
    }
  }

  /** Removes every document: the start of a rebuild. */
  public void clear() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the search index " + name, e);
    }
  }

  /** Makes every change so far visible to searches. */
  public void refresh() {
    lastRefreshStarted = System.nanoTime();
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the search index " + name, e);
    }
  }

  @Override
  public List<Hit> search(Query query, int count, Order order) {
    return LocalSearchIndexes.search(List.of(this), query, count, order);
  }

  /** The bytes of the index's files (on disk, mapped into memory, not in the heap). */
  long fileBytes() {
    try {
      return SearchIndexFiles.size(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot size the search index " + name + " in " + folder, e);
    }
  }

  /** The folder of the index's files while the store is open. */
  Path folder() {
    return folder;
  }

  /** A searcher over the latest visible state; give it back with {@link #release}. */
  IndexSearcher acquire() throws IOException {
    if (System.nanoTime() - lastRefreshStarted >= refreshNanos) {
      refresh();
    }
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  @Override
  public void flush() {
    // nothing to persist; searches refresh the reader when they need to (see the class comment)
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    // as flush
  }

  // synchronized with the rebuild's indexing, so that no document is being written when the files go
  @Override
  public synchronized void close() {
    open = false;
    try {
      try {
        IOUtils.close(searchers, writer, directory); // each, even when one before it fails
      } finally {
        if (folder != null) {
          SearchIndexFiles.delete(folder);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index " + name + " in " + folder, e);
    }
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  private static final class QueryType implements QueryableStoreType<SearchIndex> {

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
}
