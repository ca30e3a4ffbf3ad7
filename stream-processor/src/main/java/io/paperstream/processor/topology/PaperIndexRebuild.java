package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a task's {@link PaperIndex} describe its papers store, when it starts. The index has no
 * changelog, so whatever reaches the papers store without passing the indexer leaves the index
 * behind: a state directory wiped (exactly-once wipes a task's whole directory after a crash, the
 * index with it, and restores the papers from their changelog), a task that comes back to an
 * instance whose old copy of it is behind the changelog, a standby promoted (its papers store is
 * kept up to date, its index is not), a version whose index had a changelog of its own.
 *
 * <p>What tells: the indexer counts the changes it applies twice, in the index ({@link
 * PaperIndex#VERSION}) and in a logged store ({@link PaperIndex#VERSION_STORE}) written in the
 * same transactions as the papers store, so after any restore the logged count is that of the
 * papers store. Equal counts: the index is that of these papers, kept. Else it is emptied and
 * rebuilt from every paper; its count is written last, so a rebuild cut short (a crash without
 * exactly-once's wipe) leaves no count and is done again.
 */
final class PaperIndexRebuild {

  private static final Logger LOG = LoggerFactory.getLogger(PaperIndexRebuild.class);
  /** The key of the count in {@link PaperIndex#VERSION_STORE}, one per task. */
  static final String CHANGES = "changes";
  // keys written per RocksDB write batch
  private static final int BATCH = 10_000;

  private PaperIndexRebuild() {}

  /** The version the index must describe: changes counted in the logged store (0 for none yet). */
  static long expected(ReadOnlyKeyValueStore<String, Long> versions) {
    Long counted = versions.get(CHANGES);
    return counted == null ? 0 : counted;
  }

  /**
   * Leaves {@code index} as it is when it describes {@code version} changes and the state is
   * exactly-once's, else rebuilds it from {@code papers}.
   *
   * <p>Under at-least-once a crash is not followed by a wipe: the index keeps what RocksDB had
   * flushed (no write-ahead log in Kafka Streams) and the logged stores are restored to their
   * changelogs' ends, which are not written atomically, so equal counts do not prove the index
   * describes its papers; there it is rebuilt at every start.
   */
  static void ensure(KeyValueStore<String, String> index, ReadOnlyKeyValueStore<String, Paper> papers,
      long version, boolean exactlyOnce, String task) {
    String held = index.get(PaperIndex.VERSION);
    if (exactlyOnce && held != null && Long.parseLong(held) == version) {
      return;
    }
    long started = System.nanoTime();
    index.delete(PaperIndex.VERSION);
    long cleared = clear(index);
    long rebuilt = fill(index, papers);
    index.put(PaperIndex.VERSION, Long.toString(version));
    long ms = (System.nanoTime() - started) / 1_000_000;
    if (rebuilt > 0 || cleared > 0) {
      LOG.info("paper index of task {} rebuilt from the papers store: {} papers in {} ms (it held version {}, the "
          + "papers store is at {}; {} stale keys removed)", task, rebuilt, ms, held == null ? "none" : held, version,
          cleared);
    } else {
      LOG.debug("paper index of task {} started empty, as its papers store", task);
    }
  }

  private static long clear(KeyValueStore<String, String> index) {
    List<KeyValue<String, String>> deletes = new ArrayList<>();
    long cleared = 0;
    try (KeyValueIterator<String, String> all = index.all()) {
      while (all.hasNext()) {
        deletes.add(KeyValue.pair(all.next().key, null));
        if (deletes.size() == BATCH) {
          cleared += write(index, deletes);
        }
      }
    }
    return cleared + write(index, deletes);
  }

  /** Every paper's keys, and the counts added up in memory and written once each. */
  private static long fill(KeyValueStore<String, String> index, ReadOnlyKeyValueStore<String, Paper> papers) {
    List<KeyValue<String, String>> puts = new ArrayList<>();
    Map<String, Long> counts = new HashMap<>();
    long indexed = 0;
    try (KeyValueIterator<String, Paper> all = papers.all()) {
      while (all.hasNext()) {
        Paper paper = all.next().value;
        if (paper == null) {
          continue;
        }
        for (String key : PaperIndex.listKeys(paper)) {
          puts.add(KeyValue.pair(key, paper.getPaperId()));
        }
        counts.merge(PaperIndex.countKey(paper), 1L, Long::sum);
        PaperIndex.frequencyKeys(paper).forEach(key -> counts.merge(key, 1L, Long::sum));
        indexed++;
        if (puts.size() >= BATCH) {
          write(index, puts);
        }
      }
    }
    counts.forEach((key, count) -> puts.add(KeyValue.pair(key, Long.toString(count))));
    write(index, puts);
    return indexed;
  }

  private static int write(KeyValueStore<String, String> index, List<KeyValue<String, String>> batch) {
    int written = batch.size();
    if (written > 0) {
      index.putAll(batch);
      batch.clear();
    }
    return written;
  }
}
