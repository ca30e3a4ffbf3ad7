package io.paperstream.app;

import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the query API: N invented papers processed by a real stack (embedded broker), then
 * C concurrent clients for S seconds on a mix of paper lists (filters and cursors), trending,
 * series and both feeds; latency percentiles per endpoint, errors, heap after GC before and
 * after. Two variants in one run, each on the same state: the answer cache off
 * ({@code http.cache-ttl-ms=0}: every request reads the indexes) and on (the default, 1 s).
 *
 * <pre>./mvnw -q -pl app -am install -DskipTests && ./mvnw -q -pl app exec:java@api-load-benchmark \
 *   -Dbench.papers=100000 -Dbench.clients=50 -Dbench.seconds=20</pre>
 */
public final class ApiLoadBenchmark {

  private static final String[] KEYWORDS = {"tidal lattice", "sparse graph", "kelp", "sonar", "reef", "glacier"};

  private ApiLoadBenchmark() {}

  public static void main(String[] args) {
    try {
      measure();
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0); // the embedded broker's threads would keep the JVM
  }

  private static void measure() throws Exception {
    int papers = Integer.getInteger("bench.papers", 100_000);
    int clients = Integer.getInteger("bench.clients", 50);
    int seconds = Integer.getInteger("bench.seconds", 20);
    String url = System.getProperty("bench.url");
    if (url != null) { // only the load, from this JVM, on a server already running and loaded
      run(System.getProperty("bench.label", url), url, clients, seconds, false);
      return;
    }
    Path work = Files.createTempDirectory("paperstream-api-bench");
    Map<String, String> unique = TestKafka.uniqueSettings("api-bench", work.resolve("state"));
    // trends at the default interval (the test settings say 200 ms): small punctuations, as in production
    unique.remove(io.paperstream.processor.app.ProcessorSettings.TREND_INTERVAL_KEY);
    Settings settings = TestKafka.settings(unique);
    long started = System.nanoTime();
    Path pages = InventedPages.write(work.resolve("pages"), 0, papers, 500, LocalDate.parse("2026-03-19"), 1000, 42);
    try (KafkaCluster cluster = KafkaCluster.connect(settings)) {
      try (AppStack stack = AppStack.start(cluster, settings.with(HttpSettings.CACHE_TTL_KEY, "0"))) {
        RunningStack.ingestFixturePages(settings, cluster, pages.toString());
        System.out.printf(Locale.ROOT, "%d papers ingested in %.0f s%n", papers, (System.nanoTime() - started) / 1e9);
        Thread progress = new Thread(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            try {
              Thread.sleep(30_000);
            } catch (InterruptedException e) {
              return;
            }
            System.out.printf(Locale.ROOT, "  ... about %d papers processed after %.0f s%n",
                stack.approximateLocalPapers().orElse(0), (System.nanoTime() - started) / 1e9);
          }
        });
        progress.setDaemon(true);
        progress.start();
        RunningStack.awaitCaughtUp(Duration.ofMinutes(90), stack);
        progress.interrupt();
        System.out.printf(Locale.ROOT, "%d papers ingested and processed in %.0f s%n", papers,
            (System.nanoTime() - started) / 1e9);
        run("index only (http.cache-ttl-ms=0)", "http://127.0.0.1:" + stack.httpPort(), clients, seconds, true);
      }
      try (AppStack stack = AppStack.start(cluster, settings)) {
        RunningStack.awaitCaughtUp(Duration.ofMinutes(10), stack);
        run("index + answer cache (default, 1 s)", "http://127.0.0.1:" + stack.httpPort(), clients, seconds, true);
      }
    }
  }

  // sameJvm: the server runs in this JVM, so its heap is this heap
  private static void run(String variant, String base, int clients, int seconds, boolean sameJvm) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<String> cursors = Collections.synchronizedList(new ArrayList<>());
    // warm-up (JIT, caches of RocksDB), not measured
    load(http, base, clients, 5, new ConcurrentHashMap<>(), new AtomicLong(), cursors);
    long heapBefore = heapAfterGc();
    Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    AtomicLong errors = new AtomicLong();
    long total = load(http, base, clients, seconds, latencies, errors, cursors);
    long heapAfter = heapAfterGc();
    System.out.printf(Locale.ROOT, "%n%s: %d clients, %d s, %d requests (%.0f/s), %d errors%s%n",
        variant, clients, seconds, total, total / (double) seconds, errors.get(),
        sameJvm ? String.format(Locale.ROOT, ", heap after GC %d MiB -> %d MiB", heapBefore >> 20, heapAfter >> 20) : "");
    System.out.printf(Locale.ROOT, "| endpoint | requests | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
    new TreeMap<>(latencies).forEach((endpoint, samples) -> {
      List<Long> sorted = new ArrayList<>(samples);
      Collections.sort(sorted);
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", endpoint, sorted.size(),
          percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    });
  }

  private static long load(HttpClient http, String base, int clients, int seconds, Map<String, List<Long>> latencies,
      AtomicLong errors, List<String> cursors) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong count = new AtomicLong();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      Random random = new Random(c);
      Thread client = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            String[] request = request(random, cursors);
            long start = System.nanoTime();
            try {
              HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + request[1]))
                  .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 200) {
                errors.incrementAndGet();
              } else if (request[0].equals("/api/papers") && response.body().contains("\"next\":\"")) {
                String next = response.body().replaceAll("(?s).*\"next\":\"([^\"]+)\".*", "$1");
                if (cursors.size() < 1_000) {
                  cursors.add(next);
                }
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            latencies.computeIfAbsent(request[0], k -> Collections.synchronizedList(new ArrayList<>()))
                .add(System.nanoTime() - start);
            count.incrementAndGet();
          }
        } finally {
          done.countDown();
        }
      });
      client.setDaemon(true);
      client.start();
    }
    done.await();
    return count.get();
  }

  // A mix like a dashboard's and feed readers': {endpoint label, path and query}
  private static String[] request(Random random, List<String> cursors) {
    String keyword = KEYWORDS[random.nextInt(KEYWORDS.length)].replace(" ", "%20");
    return switch (random.nextInt(10)) {
      case 0, 1 -> new String[] {"/api/papers", "/api/papers?limit=20"};
      case 2 -> new String[] {"/api/papers", "/api/papers?limit=20&keyword=" + keyword};
      case 3 -> {
        String cursor = cursors.isEmpty() ? null : cursors.get(random.nextInt(cursors.size()));
        yield new String[] {"/api/papers", "/api/papers?limit=20" + (cursor == null ? "" : "&cursor=" + cursor)};
      }
      case 4 -> new String[] {"/api/papers", "/api/papers?limit=20&from=2025-06-01&to=2025-07-" + (10 + random.nextInt(20))};
      case 5, 6 -> new String[] {"/api/trending", "/api/trending?days=" + (random.nextBoolean() ? 7 : 28)};
      case 7 -> new String[] {"/feed.xml", "/feed.xml" + (random.nextBoolean() ? "" : "?keyword=" + keyword)};
      case 8 -> new String[] {"/feed.json", "/feed.json" + (random.nextBoolean() ? "" : "?keyword=" + keyword)};
      default -> new String[] {"/api/keywords/{k}/series", "/api/keywords/" + keyword + "/series?from=2025-01-01&to=2026-03-19"};
    };
  }

  private static double percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
