package io.paperstream.processor.search;

import io.paperstream.schemas.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

/**
 * The Lucene side of one partition's search index: its files, its writer and the near-real-time
 * searchers over it, reopened when a search finds them older than the refresh interval (see
 * {@link SearchIndexStore} for why).
 */
final class LuceneIndex implements AutoCloseable {

  private final String name;
  private final Path folder;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final long refreshNanos;
  private volatile long lastRefreshStarted;

  private LuceneIndex(String name, Path folder, Directory directory, IndexWriter writer,
      SearcherManager searchers, long refreshNanos) {
    this.name = name;
    this.folder = folder;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.refreshNanos = refreshNanos;
    this.lastRefreshStarted = System.nanoTime();
  }

  /** An empty index named {@code name} in {@code folder}, whatever was there before removed. */
  static LuceneIndex create(String name, Path folder, SearchIndexSettings settings) {
    Directory directory = SearchIndexFiles.openEmpty(folder);
    IndexWriter writer = null;
    try {
      // nothing outlives the store, so closing discards the buffered documents rather than
      // flushing them into segments (5% of the stream thread at task close, in a profile)
      writer = new IndexWriter(directory, new IndexWriterConfig(PaperDocuments.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(settings.bufferMb())
          .setCommitOnClose(false));
      SearcherManager searchers = new SearcherManager(writer, null);
      return new LuceneIndex(name, folder, directory, writer, searchers, settings.refreshNanos());
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(writer, directory);
      try {
        SearchIndexFiles.delete(folder);
      } catch (IOException notDeleted) {
        e.addSuppressed(notDeleted);
      }
      throw new UncheckedIOException("cannot create the search index " + name + " in " + folder, e);
    }
  }

  /** Adds the paper's document, or replaces the one it had. */
  void index(Paper paper) {
    try {
      writer.updateDocument(PaperDocuments.idTerm(paper.getPaperId()), PaperDocuments.of(paper));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index paper " + paper.getPaperId(), e);
    }
  }

  /** Removes the paper's document (none: nothing happens). */
  void remove(String paperId) {
    try {
      writer.deleteDocuments(PaperDocuments.idTerm(paperId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove paper " + paperId + " from the search index", e);
    }
  }

  /** Removes every document. */
  void clear() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the search index " + name, e);
    }
  }

  /** Makes every change so far visible to searches. */
  void refresh() {
    lastRefreshStarted = System.nanoTime();
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the search index " + name, e);
    }
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

  /** The bytes of the index's files (on disk, mapped into memory, not in the heap). */
  long fileBytes() {
    try {
      return SearchIndexFiles.size(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot size the search index " + name + " in " + folder, e);
    }
  }

  Path folder() {
    return folder;
  }

  /** Closes the searchers, the writer and the files, then deletes the folder. */
  @Override
  public void close() {
    try {
      try {
        IOUtils.close(searchers, writer, directory); // each, even when one before it fails
      } finally {
        SearchIndexFiles.delete(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index " + name + " in " + folder, e);
    }
  }
}
