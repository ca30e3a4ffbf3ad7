package io.paperstream.processor.bench;

import io.paperstream.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What a benchmark run measures, from system properties (documented in BENCHMARKS.md):
 * {@code bench.suite} (records,throughput,latency,memory), {@code bench.entries}, {@code bench.rounds},
 * {@code bench.brokers} (in-process,own-process), {@code bench.latency.pages},
 * {@code bench.latency.page-interval-ms}, {@code bench.latency.backfill},
 * {@code bench.memory.papers}, {@code bench.memory.xmx}, and {@code bench.config}: a paperstream
 * settings file (e.g. a backfill profile) that every variant, baseline included, runs with.
 */
record BenchOptions(List<String> suite, int entries, int rounds, List<String> brokers, int latencyPages,
    long pageIntervalMs, int latencyBackfill, int memoryPapers, String memoryXmx, Properties config) {

  static BenchOptions fromSystemProperties() throws IOException {
    Properties config = new Properties();
    String file = System.getProperty("bench.config", "");
    if (!file.isBlank()) {
      try (Reader reader = Files.newBufferedReader(Path.of(file))) {
        config.load(reader);
      }
    }
    return new BenchOptions(
        list(System.getProperty("bench.suite", "throughput,latency,memory")),
        Integer.getInteger("bench.entries", 20_000),
        Integer.getInteger("bench.rounds", 2),
        list(System.getProperty("bench.brokers", "in-process,own-process")),
        Integer.getInteger("bench.latency.pages", 5),
        Long.getLong("bench.latency.page-interval-ms", 20_000),
        Integer.getInteger("bench.latency.backfill", 10_000),
        Integer.getInteger("bench.memory.papers", 1_000_000),
        System.getProperty("bench.memory.xmx", "256m"),
        config);
  }

  /** The settings every variant starts from: defaults, then {@code bench.config}. */
  Settings settings() {
    Settings settings = Settings.defaults();
    for (String key : config.stringPropertyNames()) {
      settings = settings.with(key, config.getProperty(key));
    }
    return settings;
  }

  private static List<String> list(String csv) {
    return List.of(csv.split("\\s*,\\s*"));
  }
}
