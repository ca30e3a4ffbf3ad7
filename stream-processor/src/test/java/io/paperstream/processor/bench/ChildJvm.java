package io.paperstream.processor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark needs to start a JVM of its own on the benchmark's classpath, and to watch it. */
final class ChildJvm {

  /** Keeps logback's own status lines off the child's stdout. */
  static final String QUIET_LOGBACK = "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener";

  private ChildJvm() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String classpath() {
    return System.getProperty("java.class.path");
  }

  /** Peak resident set size (VmHWM) of a live process, in MiB; -1 where /proc is not there. */
  static long peakRssMib(long pid) {
    return statusField(pid, "VmHWM:");
  }

  static long rssMib(long pid) {
    return statusField(pid, "VmRSS:");
  }

  /** CPU time (user + system) a live process has used, in ns; -1 where /proc is not there. */
  static long cpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // fields after the command name, which is in parentheses and may hold spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The processes' CPU time is counted in clock ticks: USER_HZ, 100 on every Linux we run on. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /** CPU time this JVM has used, in ns. */
  static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * Time this JVM's JIT compilers have spent so far (ms): in a short run a large share of the
   * CPU, which a long-running processor pays once.
   */
  static long ownCompilationMillis() {
    return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  private static long statusField(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
