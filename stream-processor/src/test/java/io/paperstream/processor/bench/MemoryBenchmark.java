package io.paperstream.processor.bench;

import io.paperstream.processor.app.ProcessorMain;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processor in a JVM of its own with a capped heap ({@code bench.memory.xmx}, default
 * 256m) over {@code bench.memory.papers} papers: does it catch up without running out of memory,
 * what is its peak RSS, what does its heap hold after GC. Beside it the bare repartition+count
 * app, in the same kind of JVM on the same input.
 */
final class MemoryBenchmark {

  private static final Duration CATCH_UP = Duration.ofHours(2);
  private static final Pattern AFTER_GC = Pattern.compile("->(\\d+)M\\(");

  /** What one child JVM did. */
  record Figures(boolean held, double seconds, long peakRssMib, long peakHeapAfterGcMib, long papers) {}

  private final BenchOptions options;

  MemoryBenchmark(BenchOptions options) {
    this.options = options;
  }

  /** Produces the entries once, then runs the bare app and the processor over them, one after the other. */
  List<Figures> run(BenchBroker broker, Path work) throws Exception {
    int entries = (int) Math.round(options.memoryPapers() * 1.25);
    List<Figures> figures = new ArrayList<>();
    try (BenchPipeline pipeline = new BenchPipeline(broker.bootstrapServers(), work, options.settings())) {
      pipeline.createTopics();
      BenchEntries generator = new BenchEntries(11, 580);
      int batch = 50_000;
      for (int from = 0; from < entries; from += batch) {
        // generated in slices so the benchmark's own heap stays small
        List<RawEntry> slice = generator.generate(Math.min(batch, entries - from));
        pipeline.produce(slice);
      }
      Report.progress("memory: %,d entries produced", entries);
      Path config = writeConfig(pipeline);
      figures.add(child(pipeline, config, true, work));
      figures.add(child(pipeline, config, false, work));
    }
    return figures;
  }

  private Figures child(BenchPipeline pipeline, Path config, boolean bare, Path work) throws Exception {
    Path gcLog = work.resolve((bare ? "bare" : "processor") + "-gc.log");
    // "bare-" in front, not behind: the processor's caught-up test takes every repartition topic
    // named "<its id>-…", which would otherwise include the bare app's (never read by it)
    String applicationId = bare ? "bare-" + pipeline.applicationId : pipeline.applicationId;
    List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx" + options.memoryXmx(),
        "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog, ChildJvm.QUIET_LOGBACK, "-cp", ChildJvm.classpath()));
    if (bare) {
      command.addAll(List.of(BareCountMain.class.getName(), config.toString(), applicationId,
          pipeline.topics.rawEntries().name(), pipeline.bareOutput));
    } else {
      command.addAll(List.of(ProcessorMain.class.getName(), "--bootstrap-servers", pipeline.bootstrapServers,
          "--config", config.toString()));
    }
    Path log = work.resolve((bare ? "bare" : "processor") + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long start = System.nanoTime();
    long peak = 0;
    boolean held;
    try {
      long deadline = start + CATCH_UP.toNanos();
      List<String> txInputs = bare ? List.of() : List.of(pipeline.topics.sightings().name());
      while (true) {
        peak = Math.max(peak, ChildJvm.peakRssMib(process.pid()));
        if (!process.isAlive()) {
          held = false;
          break;
        }
        if (pipeline.caughtUp(applicationId, txInputs)) {
          held = true;
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("gave up after " + CATCH_UP + " waiting for the "
              + (bare ? "bare app" : "processor") + " to catch up in its own JVM");
        }
        Thread.sleep(1_000);
      }
      peak = Math.max(peak, ChildJvm.peakRssMib(process.pid()));
    } finally {
      process.destroy();
      process.waitFor();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Figures figures = new Figures(held, seconds, peak, peakAfterGc(gcLog), options.memoryPapers());
    Report.progress("memory %s: %s", bare ? "bare" : "processor", figures);
    return figures;
  }

  private Path writeConfig(BenchPipeline pipeline) throws IOException {
    StringBuilder properties = new StringBuilder();
    for (String key : options.config().stringPropertyNames()) {
      properties.append(key).append('=').append(options.config().getProperty(key)).append('\n');
    }
    List<String> keys = new ArrayList<>(Topics.DEFAULT_NAMES.keySet().stream().map(k -> "topics." + k).toList());
    keys.addAll(List.of(ProcessorSettings.APPLICATION_ID_KEY, ProcessorSettings.STATE_DIR_KEY,
        io.paperstream.kafka.KafkaCluster.BOOTSTRAP_KEY));
    for (String key : keys) {
      properties.append(key).append('=').append(pipeline.settings.find(key).orElseThrow()).append('\n');
    }
    return Files.writeString(pipeline.settings.getPath(ProcessorSettings.STATE_DIR_KEY, null)
        .resolveSibling(pipeline.applicationId + ".properties"), properties.toString());
  }

  /** The largest heap occupancy right after a collection, from a {@code -Xlog:gc} file. */
  private static long peakAfterGc(Path gcLog) throws IOException {
    long peak = 0;
    if (Files.exists(gcLog)) {
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = AFTER_GC.matcher(line);
        if (m.find()) {
          peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
      }
    }
    return peak;
  }
}
