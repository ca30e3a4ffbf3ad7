package io.paperstream.processor.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Where one task's search index keeps its files: a folder of its own in the task's state
 * directory, memory-mapped, so the index lives in the page cache and not in the heap (a
 * {@code ByteBuffersDirectory} took about 38 MiB of heap per 100,000 papers). The folder never
 * outlives the store: it is emptied when the store starts (whatever a crashed process left there
 * is of no use: the index is rebuilt from the papers store) and deleted when it closes, so a task
 * that moves to another instance leaves nothing behind.
 */
final class SearchIndexFiles {

  private SearchIndexFiles() {}

  /** An empty memory-mapped directory at {@code folder}, whatever was there before removed. */
  static MMapDirectory openEmpty(Path folder) {
    try {
      delete(folder);
      Files.createDirectories(folder);
      return new MMapDirectory(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the search index folder " + folder, e);
    }
  }

  /**
   * Removes {@code folder} and everything in it (absent: nothing happens). Files a search still
   * reads stay readable until it lets them go: on the platforms paperstream runs on, a deleted
   * file's mapping lives on.
   */
  static void delete(Path folder) throws IOException {
    if (Files.exists(folder)) {
      IOUtils.rm(folder);
    }
  }

  /** The bytes of the files of {@code folder}. */
  static long size(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      long bytes = 0;
      for (Path file : (Iterable<Path>) files::iterator) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }
}
