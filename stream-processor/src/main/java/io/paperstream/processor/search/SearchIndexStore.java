package io.paperstream.processor.search;

import io.paperstream.schemas.Paper;
import java.io.IOException;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

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
  private volatile LuceneIndex lucene;

  SearchIndexStore(String name) {
    this.name = name;
  }

  /** Builds one store per task; no changelog and no cache (the papers store is the truth). */
  public static StoreBuilder<SearchIndexStore> builder() {
    return new SearchIndexStoreBuilder(NAME);
  }

  /** For {@code KafkaStreams.store}: every local partition of the index, searched as one. */
  public static QueryableStoreType<SearchIndex> queryType() {
    return new SearchIndexQueryType();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    SearchIndexSettings settings = SearchIndexSettings.from(context.appConfigs());
    if (context.stateDir() == null) {
      throw new IllegalStateException("the search index " + name + " needs its task's state directory");
    }
    lucene = LuceneIndex.create(name, context.stateDir().toPath().resolve(name), settings);
    task = context.taskId().toString();
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

  /** Adds the paper's document, or replaces the one it had. */
  public void index(Paper paper) {
    lucene.index(paper);
  }

  /** Removes the paper's document (none: nothing happens). */
  public void remove(String paperId) {
    lucene.remove(paperId);
  }

  /** Removes every document: the start of a rebuild. */
  public void clear() {
    lucene.clear();
  }

  /** Makes every change so far visible to searches. */
  public void refresh() {
    lucene.refresh();
  }

  @Override
  public List<Hit> search(Query query, int count, Order order) {
    return LocalSearchIndexes.search(List.of(this), query, count, order);
  }

  /** The bytes of the index's files (on disk, mapped into memory, not in the heap). */
  long fileBytes() {
    return lucene.fileBytes();
  }

  /** The folder of the index's files while the store is open. */
  Path folder() {
    return lucene.folder();
  }

  /** A searcher over the latest visible state; give it back with {@link #release}. */
  IndexSearcher acquire() throws IOException {
    return lucene.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    lucene.release(searcher);
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
    LuceneIndex closing = lucene;
    if (closing != null) {
      closing.close();
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
}
