package io.paperstream.processor.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the process: one block cache shared by
 * all stores (index and filter blocks included), and their write buffers (memtables) charged to
 * that same cache. Without it each store of each task takes its own 50 MiB cache and up to three
 * 16 MiB memtables, so memory grows with the number of partitions and stores, not with the data.
 *
 * <p>Kafka Streams instantiates this class per store by name, so the cache lives in a static
 * holder, created once from the first store's configuration ({@link #MEMORY_BYTES_CONFIG}, set
 * by {@link ProcessorSettings} from {@code processor.rocksdb.memory-mb}); it lives as long as
 * the process.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Streams config key carrying the bound in bytes. */
  public static final String MEMORY_BYTES_CONFIG = "paperstream.rocksdb.memory.bytes";
  static final long DEFAULT_MEMORY_BYTES = 64L << 20;
  /** Share of the bound that memtables may take before they are flushed. */
  private static final double WRITE_BUFFER_SHARE = 0.25;
  private static final double HIGH_PRIORITY_SHARE = 0.1;
  private static final long WRITE_BUFFER_BYTES = 4L << 20;
  /**
   * The unit a memtable grows by (RocksDB's default: an eighth of the write buffer, 512 KiB here).
   * Every store holds a memtable however little it has written, and the memtables' shared budget
   * counts whole blocks: with 512 KiB blocks a processor's ~30 stores exceed a 16 MiB budget while
   * holding almost nothing, so RocksDB flushes a store on nearly every write and its writes stall
   * behind the flushes (papers run --once over 2,516 entries: 53-170 s instead of 35 s).
   */
  private static final long ARENA_BLOCK_BYTES = 64L << 10;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Shared shared = Shared.of(configs);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared.cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(shared.writeBuffers);
    options.setWriteBufferSize(WRITE_BUFFER_BYTES);
    options.setMaxWriteBufferNumber(2);
    options.setArenaBlockSize(ARENA_BLOCK_BYTES);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and write buffer manager are shared by every store: never closed per store
  }

  private static final class Shared {
    private static Shared instance;

    private final Cache cache;
    private final WriteBufferManager writeBuffers;

    private Shared(long bytes) {
      this.cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
      this.writeBuffers = new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache);
    }

    static synchronized Shared of(Map<String, Object> configs) {
      if (instance == null) {
        Object bytes = configs.get(MEMORY_BYTES_CONFIG);
        instance = new Shared(bytes == null ? DEFAULT_MEMORY_BYTES : Long.parseLong(bytes.toString()));
      }
      return instance;
    }
  }
}
