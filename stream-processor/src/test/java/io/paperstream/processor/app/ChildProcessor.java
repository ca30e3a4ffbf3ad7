package io.paperstream.processor.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@link ProcessorJvm} with its start time, to be killed (SIGKILL) or stopped (SIGTERM) from a test. */
final class ChildProcessor {

  private final Process process;
  private final long startedNanos;

  private ChildProcessor(Process process, long startedNanos) {
    this.process = process;
    this.startedNanos = startedNanos;
  }

  /** Starts the processor on {@code bootstrapServers} with the settings in {@code config}; output to {@code target/<logName>.log}. */
  static ChildProcessor start(String bootstrapServers, Path config, String logName) throws IOException {
    long started = System.nanoTime();
    Process process = ProcessorJvm.start(bootstrapServers, config, logName, Map.of());
    // a test or benchmark that dies must not leave its processors running on a shared machine
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-child-processor"));
    return new ChildProcessor(process, started);
  }

  /** When the JVM was started, on {@link System#nanoTime()}'s clock. */
  long startedNanos() {
    return startedNanos;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown of any kind, as a crash or the OOM killer would end it. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, then the exit status; fails when it does not exit within {@code limit}. */
  int stop(Duration limit) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the processor did not stop within " + limit + " of SIGTERM");
    }
    return process.exitValue();
  }
}
