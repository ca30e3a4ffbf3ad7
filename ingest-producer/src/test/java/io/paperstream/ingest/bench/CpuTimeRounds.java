package io.paperstream.ingest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same benchmark methods timed by the thread's CPU time instead of the wall clock: on a machine
 * shared with other busy processes, wall-clock throughput mostly measures the neighbours; CPU
 * seconds spent per page do not. Forms and the baseline are interleaved round by round after a
 * warm-up, and the median round is reported.
 */
final class CpuTimeRounds {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimeRounds() {}

  static void run(int rounds, long cpuMillisPerRound) throws Exception {
    Blackhole hole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    String[] forms = {"API_JSON", "HTML", "TEXT"};
    List<SplitBenchmark> states = new ArrayList<>();
    for (String form : forms) {
      SplitBenchmark state = new SplitBenchmark();
      state.form = form;
      state.pages();
      states.add(state);
    }
    double[][] split = new double[forms.length][rounds];
    double[] baseline = new double[rounds];
    for (int round = -3; round < rounds; round++) { // three rounds of warm-up
      for (int f = 0; f < forms.length; f++) {
        SplitBenchmark state = states.get(f);
        double mbPerCpuSecond = measure(cpuMillisPerRound, state.pageBytes(), () -> state.split(hole));
        if (round >= 0) {
          split[f][round] = mbPerCpuSecond;
        }
      }
      SplitBenchmark api = states.get(0);
      double base = measure(cpuMillisPerRound, api.pageBytes(), api::jacksonTreeOfApiJson);
      if (round >= 0) {
        baseline[round] = base;
      }
    }
    System.out.println();
    System.out.println("| per CPU-second (median of " + rounds + " rounds) | form | page bytes | MB per CPU-second | rounds |");
    System.out.println("|---|---|---|---|---|");
    for (int f = 0; f < forms.length; f++) {
      System.out.printf(Locale.ROOT, "| PageSplitter.split | %s | %,d | %.1f | %s |%n", forms[f],
          states.get(f).pageBytes(), median(split[f]), list(split[f]));
    }
    System.out.printf(Locale.ROOT, "| Jackson readTree (baseline) | API_JSON bytes | %,d | %.1f | %s |%n",
        states.get(0).pageBytes(), median(baseline), list(baseline));
  }

  interface Op {
    Object call() throws Exception;
  }

  /** Runs {@code op} until it used {@code cpuMillis} of this thread's CPU; MB of page per CPU-second. */
  private static double measure(long cpuMillis, int bytes, Op op) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    long ops = 0;
    long used;
    do {
      op.call();
      ops++;
      used = THREADS.getCurrentThreadCpuTime() - start;
    } while (used < cpuMillis * 1_000_000L);
    return ops * (double) bytes / 1e6 / (used / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String list(double[] values) {
    StringBuilder out = new StringBuilder();
    for (double v : values) {
      out.append(out.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.0f", v));
    }
    return out.toString();
  }
}
