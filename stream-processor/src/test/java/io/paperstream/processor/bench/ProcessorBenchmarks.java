package io.paperstream.processor.bench;

import io.paperstream.schemas.RawEntry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The processor's benchmark suite: records written per entry, end-to-end throughput, latency and
 * memory, each beside the bare repartition+count baseline measured in the same run. Results as Markdown on stdout,
 * progress on stderr. See BENCHMARKS.md for the command and the options ({@link BenchOptions}).
 */
public final class ProcessorBenchmarks {

  private ProcessorBenchmarks() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.fromSystemProperties();
    Path work = Files.createTempDirectory("paperstream-bench");
    Report.line("Machine: %d cores, %s %s, %s; benchmark JVM max heap %d MiB; settings: %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory() >> 20, options.config().isEmpty() ? "defaults" : options.config());
    Report.line("JVM arguments: %s", ManagementFactory.getRuntimeMXBean().getInputArguments());
    if (options.suite().contains("records")) {
      records(options, work);
    }
    if (options.suite().contains("throughput")) {
      throughput(options, work);
    }
    if (options.suite().contains("latency")) {
      latency(options, work);
    }
    if (options.suite().contains("memory")) {
      memory(options, work);
    }
  }

  private static void throughput(BenchOptions options, Path work) throws Exception {
    List<RawEntry> entries = new BenchEntries(3, 580).generate(options.entries());
    Report.line("%n### End to end, %,d entries, EOS v2, %d rounds%n", entries.size(), options.rounds());
    Report.line("| broker | bare repartition+count: entries/s | paperstream: entries/s | ratio | bare: CPU ms/entry | paperstream: CPU ms/entry | paperstream: of which JIT | rounds bare | rounds paperstream |");
    Report.line("|---|---|---|---|---|---|---|---|---|");
    for (String mode : options.brokers()) {
      try (BenchBroker broker = broker(mode, work)) {
        Map<String, ThroughputBenchmark.Rounds> rounds = new ThroughputBenchmark(options).run(broker, entries, work);
        ThroughputBenchmark.Rounds bare = rounds.get("bare");
        ThroughputBenchmark.Rounds paperstream = rounds.get("paperstream");
        double bareRate = Report.median(bare.rates());
        double rate = Report.median(paperstream.rates());
        Report.line("| %s | %,.0f | %,.0f | %.2fx | %.2f | %.2f | %.2f | %s | %s |", mode, bareRate, rate, rate / bareRate,
            Report.median(bare.cpuMsPerEntry()), Report.median(paperstream.cpuMsPerEntry()),
            Report.median(paperstream.jitMsPerEntry()),
            Report.rounds(bare.rates()), Report.rounds(paperstream.rates()));
      }
    }
  }

  private static void records(BenchOptions options, Path work) throws Exception {
    List<RawEntry> entries = new BenchEntries(3, 580).generate(options.entries());
    Report.line("%n### Records written per entry, %,d entries, EOS v2, broker in-process%n", entries.size());
    try (BenchBroker broker = BenchBroker.inProcess(work.resolve("records-broker"))) {
      new RecordsPerEntry(options).run(broker, entries, work);
    }
  }

  private static void latency(BenchOptions options, Path work) throws Exception {
    Report.line("%n### Latency (ms), broker in-process; daily: %d pages of 50, %d ms apart; backfill: %,d at once%n",
        options.latencyPages(), options.pageIntervalMs(), options.latencyBackfill());
    Report.line("| load | app | entry → paper p50 | p99 | p99 after the first page | entry → count p50 | p99 |");
    Report.line("|---|---|---|---|---|---|---|");
    try (BenchBroker broker = BenchBroker.inProcess(work.resolve("latency-broker"))) {
      LatencyBenchmark benchmark = new LatencyBenchmark(options);
      for (String load : List.of("daily", "backfill")) {
        for (boolean bare : List.of(true, false)) {
          LatencyBenchmark.Figures f = load.equals("daily")
              ? benchmark.daily(broker, work, bare) : benchmark.backfill(broker, work, bare);
          Report.line("| %s | %s | %.0f | %.0f | %s | %.0f | %.0f |", load,
              bare ? "bare repartition+count (its count)" : "paperstream", f.paperP50(), f.paperP99(),
              Double.isNaN(f.paperP99Warm()) ? "–" : String.format(Locale.ROOT, "%.0f", f.paperP99Warm()),
              f.countP50(), f.countP99());
        }
      }
    }
  }

  private static void memory(BenchOptions options, Path work) throws Exception {
    Report.line("%n### Memory: each app in its own JVM, -Xmx%s, %,d papers (%,d entries), broker in-process%n",
        options.memoryXmx(), options.memoryPapers(), Math.round(options.memoryPapers() * 1.25));
    Report.line("| app | held (caught up, no OOM) | time (s) | peak RSS (MiB) | peak heap after GC (MiB) |");
    Report.line("|---|---|---|---|---|");
    try (BenchBroker broker = BenchBroker.inProcess(work.resolve("memory-broker"))) {
      List<MemoryBenchmark.Figures> figures = new MemoryBenchmark(options).run(broker, work);
      String[] names = {"bare repartition+count", "paperstream"};
      for (int i = 0; i < figures.size(); i++) {
        MemoryBenchmark.Figures f = figures.get(i);
        Report.line("| %s | %s | %.0f | %,d | %,d |", names[i], f.held() ? "yes" : "NO", f.seconds(),
            f.peakRssMib(), f.peakHeapAfterGcMib());
      }
    }
  }

  private static BenchBroker broker(String mode, Path work) throws Exception {
    Path dir = work.resolve("broker-" + mode);
    return switch (mode) {
      case "in-process" -> BenchBroker.inProcess(dir);
      case "own-process" -> BenchBroker.ownProcess(dir);
      default -> throw new IllegalArgumentException("bench.brokers: in-process or own-process, not " + mode);
    };
  }
}
