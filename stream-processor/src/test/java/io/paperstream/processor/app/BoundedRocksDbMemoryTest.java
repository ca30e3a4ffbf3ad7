package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

class BoundedRocksDbMemoryTest {

  /** About as many stores as one processor instance opens with three partitions (27 today). */
  private static final int STORES = 32;

  @TempDir
  Path dir;

  private final List<Options> options = new ArrayList<>();
  private final List<RocksDB> stores = new ArrayList<>();

  static {
    RocksDB.loadLibrary();
  }

  @AfterEach
  void close() {
    stores.forEach(RocksDB::close);
    options.forEach(Options::close);
  }

  @Test
  void manyStoresHoldingLittleNeverFlush() throws RocksDBException {
    // given as many stores as a processor opens, each configured under the default bound
    for (int i = 0; i < STORES; i++) {
      stores.add(open("store-" + i));
    }

    // when each takes a few hundred small writes (far less data than the write buffers may hold)
    try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
      for (int record = 0; record < 300; record++) {
        for (RocksDB store : stores) {
          store.put(noWal, bytes("key-" + record), bytes("value of record " + record + " ".repeat(40)));
        }
      }
    }

    // then no store was made to flush: a bound all stores' empty write buffers already exceed
    // flushes a store on almost every write, and its writes stall behind the flushes
    for (RocksDB store : stores) {
      assertThat(store.getLongProperty("rocksdb.num-immutable-mem-table")
          + Long.parseLong(store.getProperty("rocksdb.num-files-at-level0"))).as("flushed memtables").isZero();
    }
  }

  private RocksDB open(String name) throws RocksDBException {
    Options storeOptions = new Options().setCreateIfMissing(true);
    storeOptions.setTableFormatConfig(new BlockBasedTableConfig());
    options.add(storeOptions);
    new BoundedRocksDbMemory().setConfig(name, storeOptions,
        Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, Long.toString(BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES)));
    return RocksDB.open(storeOptions, dir.resolve(name).toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
