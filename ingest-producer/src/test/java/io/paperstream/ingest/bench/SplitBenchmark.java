package io.paperstream.ingest.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.ingest.EntrySink;
import io.paperstream.ingest.split.Page;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitCounts;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Steady-state throughput of the splitter per page form, beside a plain Jackson tree parse of the
 * same day's API JSON bytes in the same run (the baseline: what reading the JSON at all costs).
 * One op = one page of {@link #ENTRIES} invented entries; {@link SplitBenchmarkMain} turns ops/s into MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SplitBenchmark {

  static final int ENTRIES = 50;
  static final long SEED = 20260612L;

  @Param({"API_JSON", "HTML", "TEXT"})
  public String form;

  private final PageSplitter splitter = new PageSplitter();
  private final ObjectMapper mapper = new ObjectMapper();
  private byte[] page;
  private byte[] apiJson;
  private String contentType;

  @Setup
  public void pages() {
    page = bytes(form);
    apiJson = bytes("API_JSON");
    contentType = switch (form) {
      case "API_JSON" -> "application/json";
      case "HTML" -> "text/html; charset=utf-8";
      default -> "text/plain";
    };
  }

  int pageBytes() {
    return page.length;
  }

  /** The page of {@code form}, the same bytes in every run. */
  static byte[] bytes(String form) {
    InventedDigest digest = new InventedDigest(SEED, ENTRIES);
    String json = digest.apiJson();
    return switch (form) {
      case "API_JSON" -> json.getBytes(UTF_8);
      case "HTML" -> digest.html(json).getBytes(UTF_8);
      case "TEXT" -> digest.text().getBytes(UTF_8);
      default -> throw new IllegalArgumentException(form);
    };
  }

  @Benchmark
  public SplitCounts split(Blackhole hole) {
    Page fresh = new Page("https://huggingface.co/api/daily_papers?date=2026-06-12", contentType, page,
        Instant.EPOCH, LocalDate.of(2026, 6, 12));
    SplitCounts counts = splitter.split(fresh, null, EntrySink.of(hole::consume, hole::consume));
    if (counts.entries() != ENTRIES) {
      throw new IllegalStateException(form + " page gave " + counts + ", not " + ENTRIES + " entries");
    }
    return counts;
  }

  /** Baseline: Jackson's tree parse of the day's API JSON (the same entries as every form). */
  @Benchmark
  public JsonNode jacksonTreeOfApiJson() throws IOException {
    return mapper.readTree(apiJson);
  }
}
