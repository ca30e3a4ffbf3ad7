package io.paperstream.processor.search;

import io.paperstream.schemas.Paper;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a {@link SearchIndexStore} from its papers store, off the stream thread: indexing a
 * hundred thousand papers takes long enough (see BENCHMARKS.md) that doing it in the task's start
 * would hold back processing after every restart. Changes the stream thread applies meanwhile win:
 * the papers they name are skipped when the store's iterator (a snapshot) reaches them, so an
 * older record never replaces a newer document.
 */
final class SearchIndexRebuild implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexRebuild.class);

  private final SearchIndexStore index;
  private final ReadOnlyKeyValueStore<String, Paper> papers;
  private final Set<String> changedMeanwhile = ConcurrentHashMap.newKeySet();
  private volatile long indexed;

  SearchIndexRebuild(SearchIndexStore index, ReadOnlyKeyValueStore<String, Paper> papers) {
    this.index = index;
    this.papers = papers;
  }

  /** The stream thread changed this paper's document: the rebuild leaves it alone. */
  void changed(String paperId) {
    changedMeanwhile.add(paperId);
  }

  /** Papers indexed so far. */
  long indexed() {
    return indexed;
  }

  @Override
  public void run() {
    long started = System.nanoTime();
    try (KeyValueIterator<String, Paper> all = papers.all()) {
      while (all.hasNext() && index.isOpen()) {
        KeyValue<String, Paper> paper = all.next();
        if (paper.value != null) {
          index.indexUnless(paper.value, changedMeanwhile);
          indexed++;
        }
      }
    } catch (InvalidStateStoreException e) {
      // the papers store closed under the iterator: the task moved or stopped (it rebuilds where it starts)
      LOG.debug("search index {}: rebuild stopped, the papers store closed ({})", index.name(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      if (index.isOpen()) {
        // searches of this partition stay 503 until its task starts again and rebuilds
        LOG.error("rebuilding the search index {} failed after {} papers", index.name(), indexed, e);
      } else {
        LOG.debug("search index {} closed while rebuilding (its task moved or stopped)", index.name());
      }
      return;
    }
    if (index.isOpen()) {
      index.rebuilt(this);
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (indexed > 0) {
        LOG.info("search index {} rebuilt: {} papers in {} ms", index.name(), indexed, millis);
      } else {
        // every task of a fresh processor starts empty: nothing a person needs to read
        LOG.debug("search index {} rebuilt: no papers ({} ms)", index.name(), millis);
      }
    }
  }
}
