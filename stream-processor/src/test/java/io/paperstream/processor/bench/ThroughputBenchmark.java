package io.paperstream.processor.bench;

import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.schemas.RawEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End to end: entries per second from the first raw entry produced until the outputs have caught
 * up, paperstream's topology beside the bare repartition+count app on the same input, same
 * broker, same Streams settings, alternating round by round.
 */
final class ThroughputBenchmark {

  private static final Duration CATCH_UP = Duration.ofMinutes(20);

  private final BenchOptions options;

  ThroughputBenchmark(BenchOptions options) {
    this.options = options;
  }

  /**
   * One variant's rounds: entries/s, CPU ms per entry of benchmark JVM and broker together, and
   * of that the benchmark JVM's JIT compilers' ms per entry.
   */
  record Rounds(List<Double> rates, List<Double> cpuMsPerEntry, List<Double> jitMsPerEntry) {}

  /**
   * Per variant name, its rounds, printed as they finish. CPU time is measured beside the rate
   * because on a shared machine other processes take cores: the rate moves with them, the CPU
   * time an entry costs much less.
   */
  Map<String, Rounds> run(BenchBroker broker, List<RawEntry> entries, Path work) throws Exception {
    Map<String, Rounds> rounds = new LinkedHashMap<>();
    for (int round = 0; round < options.rounds(); round++) {
      for (String variant : List.of("bare", "paperstream")) {
        long cpuBefore = ChildJvm.ownCpuNanos() + broker.ownProcessCpuNanos();
        long jitBefore = ChildJvm.ownCompilationMillis();
        double rate = variant.equals("bare") ? bare(broker, entries, work) : paperstream(broker, entries, work);
        double cpuMs = (ChildJvm.ownCpuNanos() + broker.ownProcessCpuNanos() - cpuBefore) / 1e6 / entries.size();
        double jitMs = (double) (ChildJvm.ownCompilationMillis() - jitBefore) / entries.size();
        Rounds so = rounds.computeIfAbsent(variant, v -> new Rounds(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        so.rates().add(rate);
        so.cpuMsPerEntry().add(cpuMs);
        so.jitMsPerEntry().add(jitMs);
        Report.progress("throughput round %d %s: %,.0f entries/s, %.2f CPU ms/entry, of which JIT %.2f",
            round + 1, variant, rate, cpuMs, jitMs);
      }
    }
    return rounds;
  }

  private double bare(BenchBroker broker, List<RawEntry> entries, Path work) throws Exception {
    try (BenchPipeline pipeline = new BenchPipeline(broker.bootstrapServers(), work, options.settings())) {
      pipeline.createTopics();
      String applicationId = pipeline.applicationId + "-bare";
      try (StreamsRun run = new StreamsRun(
          BareCountTopology.build(pipeline.topics.rawEntries().name(), pipeline.bareOutput),
          pipeline.streamsConfig(applicationId)).start()) {
        long start = System.nanoTime();
        pipeline.produce(entries);
        StreamsRun.await(() -> pipeline.caughtUp(applicationId, List.of()), CATCH_UP, "the bare app to catch up");
        return entries.size() / ((System.nanoTime() - start) / 1e9);
      }
    }
  }

  private double paperstream(BenchBroker broker, List<RawEntry> entries, Path work) throws Exception {
    try (BenchPipeline pipeline = new BenchPipeline(broker.bootstrapServers(), work, options.settings())) {
      pipeline.createTopics();
      ProcessorSettings settings = new ProcessorSettings(pipeline.settings);
      try (StreamsRun run = new StreamsRun(
          PaperTopology.buildTopology(pipeline.topics, settings.topologyOptions()),
          pipeline.streamsConfig(pipeline.applicationId)).start()) {
        long start = System.nanoTime();
        pipeline.produce(entries);
        StreamsRun.await(() -> pipeline.processorDone(run.streams), CATCH_UP, "the processor to catch up");
        return entries.size() / ((System.nanoTime() - start) / 1e9);
      }
    }
  }
}
