package io.paperstream.processor.bench;

import io.paperstream.kafka.EmbeddedKafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker a benchmark runs against: the embedded KRaft broker in the benchmark's own JVM, or
 * in a child JVM of its own (so broker and processor do not share a heap, GC or JIT).
 */
final class BenchBroker implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final String READY = "bench-broker-ready ";

  private final EmbeddedKafkaBroker inProcess;
  private final Process child;
  private final String bootstrapServers;

  private BenchBroker(EmbeddedKafkaBroker inProcess, Process child, String bootstrapServers) {
    this.inProcess = inProcess;
    this.child = child;
    this.bootstrapServers = bootstrapServers;
  }

  static BenchBroker inProcess(Path dataDir) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).port(0).build().start();
    return new BenchBroker(broker, null, broker.bootstrapServers());
  }

  /** A child JVM running {@link Main}; its first stdout line is the bootstrap address. */
  static BenchBroker ownProcess(Path dataDir) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(ChildJvm.java(), "-Xmx1g", ChildJvm.QUIET_LOGBACK, "-cp", ChildJvm.classpath(),
        Main.class.getName(), dataDir.toString()))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + STARTUP.toNanos();
    for (String line = out.readLine(); line != null && System.nanoTime() < deadline; line = out.readLine()) {
      if (line.startsWith(READY)) {
        return new BenchBroker(null, process, line.substring(READY.length()).trim());
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("the broker in its own process did not print its address within " + STARTUP);
  }

  /** CPU time used so far by the broker's own process; 0 in-process (it counts in the benchmark JVM's). */
  long ownProcessCpuNanos() {
    return child == null ? 0 : ChildJvm.cpuNanos(child.pid());
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() throws InterruptedException {
    if (inProcess != null) {
      inProcess.close();
    }
    if (child != null) {
      child.destroy();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor();
      }
    }
  }

  /** The child JVM: starts the broker, prints its address, runs until stopped (SIGTERM closes it). */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(Path.of(args[0])).port(0).build().start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "bench-broker-shutdown"));
      System.out.println(READY + broker.bootstrapServers());
      System.out.flush();
      Thread.currentThread().join();
    }
  }
}
