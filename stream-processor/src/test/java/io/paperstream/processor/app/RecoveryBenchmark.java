package io.paperstream.processor.app;

import static org.awaitility.Awaitility.await;

import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.kafka.EmbeddedKafkaBroker;
import io.paperstream.schemas.RawEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How soon a processor killed with SIGKILL is processing again after it is restarted, per way of
 * belonging to the consumer group: dynamic membership (Kafka's default, the baseline), static
 * membership ({@code group.instance.id}, paperstream's default) and KIP-1071's streams protocol
 * ({@code group.protocol=streams}). Each round kills and restarts each variant once, in turn,
 * on one embedded broker. See BENCHMARKS.md.
 *
 * <pre>./mvnw -q -pl stream-processor exec:exec@recovery-benchmark   # -Dbench.rounds=3</pre>
 */
public final class RecoveryBenchmark {

  private RecoveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 3);
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    variants.put("dynamic membership (classic protocol)", Map.of(
        ProcessorSettings.GROUP_PROTOCOL_KEY, "classic", ProcessorSettings.INSTANCE_ID_KEY, "none"));
    variants.put("static membership (classic protocol, group.instance.id)", Map.of(
        ProcessorSettings.GROUP_PROTOCOL_KEY, "classic"));
    variants.put("streams protocol (KIP-1071)", Map.of(ProcessorSettings.GROUP_PROTOCOL_KEY, "streams"));
    Path work = Files.createTempDirectory("paperstream-recovery-bench");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(work.resolve("broker")).port(0).build().start()) {
      String bootstrap = broker.bootstrapServers();
      List<RawEntry> entries = SyntheticEntries.generate(20_000, 7);
      Map<String, Variant> running = new LinkedHashMap<>();
      for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
        TestPipeline pipeline = new TestPipeline(bootstrap,
            Files.createDirectories(work.resolve("state-" + running.size())));
        pipeline.createTopics();
        try (RawEntryProducer producer = RawEntryProducer.connect(bootstrap, new Properties(), pipeline.topics)) {
          entries.forEach(producer::entry);
        }
        Path config = ProcessorJvm.writeConfig(work.resolve("variant-" + running.size() + ".properties"), pipeline,
            variant.getValue());
        running.put(variant.getKey(), new Variant(pipeline, config,
            new GroupProgress(bootstrap, pipeline.applicationId, pipeline.topics.rawEntries().name())));
      }
      Map<String, List<Long>> millis = new LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        for (Map.Entry<String, Variant> variant : running.entrySet()) {
          long ms = killAndRestart(bootstrap, variant.getValue(), round);
          millis.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(ms);
          System.err.printf("round %d, %s: processing again %d ms after the restart%n", round, variant.getKey(), ms);
        }
      }
      System.err.println();
      System.err.println("| membership | restart to first processed record, median (ms) | rounds (ms) |");
      System.err.println("|---|---|---|");
      millis.forEach((name, values) -> {
        List<Long> sorted = values.stream().sorted().toList();
        System.err.printf("| %s | %,d | %s |%n", name, sorted.get(sorted.size() / 2),
            String.join(" / ", values.stream().map(v -> String.format("%,d", v)).toList()));
      });
      for (Variant variant : running.values()) {
        variant.stop();
      }
    }
  }

  /** Starts the variant's processor when needed, lets it process, kills it, restarts it: the time to progress. */
  private static long killAndRestart(String bootstrap, Variant variant, int round) throws Exception {
    if (variant.child == null) {
      variant.child = ChildProcessor.start(bootstrap, variant.config, "recovery-bench-" + variant.name() + "-start");
    }
    long before = Math.max(0, variant.progress.committed());
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
        .until(() -> variant.progress.committed() > before + 100);
    variant.child.kill();
    long atKill = variant.progress.committed();
    variant.child = ChildProcessor.start(bootstrap, variant.config, "recovery-bench-" + variant.name() + "-" + round);
    return variant.progress.awaitBeyond(atKill, variant.child.startedNanos(), Duration.ofMinutes(3)).toMillis();
  }

  private static final class Variant {
    final TestPipeline pipeline;
    final Path config;
    final GroupProgress progress;
    ChildProcessor child;

    Variant(TestPipeline pipeline, Path config, GroupProgress progress) {
      this.pipeline = pipeline;
      this.config = config;
      this.progress = progress;
    }

    String name() {
      return pipeline.applicationId;
    }

    void stop() throws InterruptedException {
      if (child != null && child.alive()) {
        child.stop(Duration.ofSeconds(60));
      }
    }
  }
}
