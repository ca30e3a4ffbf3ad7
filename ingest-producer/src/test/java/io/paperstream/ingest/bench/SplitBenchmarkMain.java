package io.paperstream.ingest.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SplitBenchmark} and prints MB/s per form beside the baseline (ops/s × page bytes).
 * Extra JMH options pass through, e.g. {@code -prof jfr:dir=target/jfr} or {@code -f 2}. With
 * {@code --cpu} it times the same methods by CPU time instead ({@link CpuTimeRounds}), for busy
 * shared machines; {@code --cpu-rounds N} (default 5) rounds of 1 CPU-second each.
 */
public final class SplitBenchmarkMain {

  private SplitBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    List<String> jmhArgs = new ArrayList<>();
    for (String arg : args) {
      jmhArgs.addAll(Arrays.stream(arg.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList());
    }
    if (jmhArgs.contains("--cpu")) {
      int at = jmhArgs.indexOf("--cpu-rounds");
      CpuTimeRounds.run(at >= 0 ? Integer.parseInt(jmhArgs.get(at + 1)) : 5, 1_000);
      return;
    }
    Options options = new OptionsBuilder()
        .parent(new CommandLineOptions(jmhArgs.toArray(String[]::new)))
        .include(SplitBenchmark.class.getName() + "\\.")
        .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println("| benchmark | form | page bytes | pages/s | MB/s | ± MB/s (99.9%) |");
    System.out.println("|---|---|---|---|---|---|");
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String form = result.getParams().getParam("form");
      boolean baseline = name.endsWith("jacksonTreeOfApiJson");
      int bytes = SplitBenchmark.bytes(baseline ? "API_JSON" : form).length;
      double ops = result.getPrimaryResult().getScore();
      double error = result.getPrimaryResult().getScoreError();
      System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,.0f | %.1f | %.1f |%n",
          baseline ? "Jackson readTree (baseline)" : "PageSplitter.split", baseline ? "API_JSON bytes" : form, bytes,
          ops, ops * bytes / 1e6, error * bytes / 1e6);
    }
  }
}
