package io.paperstream.processor.search;

import io.paperstream.schemas.Paper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.search.Query;

/**
 * Search over N invented papers, as one instance holding every partition of the papers store
 * searches: P {@link SearchIndexStore} partitions searched as one index, the best 20 hits, the
 * title and abstract highlights of each. Measures the rebuild (what a task start costs), the
 * index's files, and the latency of single queries of five kinds, one client after another;
 * beside it, in the same run, the baseline a search without the index would cost (every paper's
 * text scanned for the query's words). HTTP, JSON and the papers-store reads are not included:
 * they are the same as a paper list's (see "Query API under load").
 *
 * <p>Text: titles of 8 and abstracts of 150 words drawn from a 20,000-word vocabulary with
 * Zipf-distributed frequencies (as words in English text are), 4 of 30,000 author names.
 *
 * <pre>./mvnw -q -pl stream-processor -am install -DskipTests && ./mvnw -q -pl stream-processor \
 *   exec:java@search-benchmark -Dbench.papers=100000 -Dbench.queries=2000</pre>
 */
public final class SearchBenchmark {

  private static final LocalDate LAST_DAY = LocalDate.parse("2026-03-19");
  private static final int PARTITIONS = 3;
  private static final int HITS = 20;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Random random = new Random(42);
  private final String[] words = new String[20_000];
  private final double[] zipf = new double[words.length];

  private SearchBenchmark() {
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    for (int i = 0; i < words.length; i++) {
      StringBuilder word = new StringBuilder();
      for (int n = i + 7; n > 0 || word.length() < 4; n /= 7) {
        word.append(consonants.charAt((n + word.length()) % consonants.length())).append(vowels.charAt(n % vowels.length()));
      }
      words[i] = word.toString();
    }
    double sum = 0;
    for (int i = 0; i < zipf.length; i++) {
      sum += 1.0 / (i + 1);
      zipf[i] = sum;
    }
    for (int i = 0; i < zipf.length; i++) {
      zipf[i] /= sum;
    }
  }

  public static void main(String[] args) throws Exception {
    new SearchBenchmark().run(Integer.getInteger("bench.papers", 100_000), Integer.getInteger("bench.queries", 2_000));
  }

  private void run(int count, int queries) throws Exception {
    System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
    List<Paper> papers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      papers.add(paper(i));
    }
    List<SearchIndexStore> partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(SearchPapers.startedStore(SearchPapers.context(new Properties())));
    }
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      partitions.get(i % PARTITIONS).index(papers.get(i));
    }
    partitions.forEach(SearchIndexStore::refresh);
    double buildSeconds = (System.nanoTime() - started) / 1e9;
    long indexBytes = partitions.stream().mapToLong(SearchIndexStore::fileBytes).sum();
    System.out.printf(Locale.ROOT, "%,d papers indexed (%d partitions) in %.1f s (%.0f papers/s); index files %,d MiB (memory-mapped)%n",
        count, PARTITIONS, buildSeconds, count / buildSeconds, indexBytes >> 20);

    PaperHighlighter highlighter = new PaperHighlighter();
    Function<String, Integer> indexed = text -> {
      Query query = PaperQueries.parse(text);
      // a prefix query is asked within the last year, to measure the date filter too
      Query asked = text.contains("*") ? PaperQueries.within(query, LAST_DAY.minusDays(365), LAST_DAY) : query;
      List<SearchIndex.Hit> hits = LocalSearchIndexes.search(partitions, asked, HITS, SearchIndex.Order.RELEVANCE);
      for (SearchIndex.Hit hit : hits) {
        Paper paper = papers.get(Integer.parseInt(hit.paperId().substring(6)));
        highlighter.title(query, paper.getTitle());
        highlighter.abstractText(query, paper.getAbstract$());
      }
      return hits.size();
    };
    Function<String, Integer> scanned = text -> scan(papers, text);

    String[] kinds = {"exact title", "two words", "phrase", "author", "prefix + dates"};
    System.out.printf(Locale.ROOT, "%n| query kind | index: wall p50 / p95 / p99 / max ms | index: CPU p50 / p99 ms "
        + "| scan (baseline): wall p50 / p99 ms |%n|---|---|---|---|%n");
    for (int kind = 0; kind < kinds.length; kind++) {
      List<String> texts = new ArrayList<>();
      for (int q = 0; q < queries; q++) {
        texts.add(query(kind, papers));
      }
      measure(indexed, texts.subList(0, Math.min(200, texts.size())), new ArrayList<>()); // warm-up
      List<Long> cpu = new ArrayList<>();
      List<Long> index = measure(indexed, texts, cpu);
      List<Long> scanCpu = new ArrayList<>();
      List<Long> scan = kind == 4 ? List.of()
          : measure(scanned, texts.subList(0, Math.min(50, texts.size())), scanCpu);
      System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f / %.1f / %.1f | %.1f / %.1f | %s |%n", kinds[kind],
          pct(index, 0.5), pct(index, 0.95), pct(index, 0.99), pct(index, 1.0), pct(cpu, 0.5), pct(cpu, 0.99),
          scan.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.0f / %.0f (CPU %.0f / %.0f)", pct(scan, 0.5),
              pct(scan, 0.99), pct(scanCpu, 0.5), pct(scanCpu, 0.99)));
    }
    System.out.printf(Locale.ROOT, "%nload average at end: %s%n", loadAverage());
    partitions.forEach(SearchIndexStore::close);
  }

  /** Wall time per query, sorted; the thread's CPU time per query, sorted, into {@code cpu}. */
  private static List<Long> measure(Function<String, Integer> search, List<String> texts, List<Long> cpu) {
    List<Long> nanos = new ArrayList<>();
    for (String text : texts) {
      long startCpu = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      search.apply(text);
      nanos.add(System.nanoTime() - start);
      cpu.add(THREADS.getCurrentThreadCpuTime() - startCpu);
    }
    Collections.sort(nanos);
    Collections.sort(cpu);
    return nanos;
  }

  // The baseline: every paper whose title or abstract holds every word of the query (no ranking).
  private static int scan(List<Paper> papers, String text) {
    String[] terms = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").trim().split("\\s+");
    int found = 0;
    for (Paper paper : papers) {
      String all = (paper.getTitle() + " " + paper.getAbstract$()).toLowerCase(Locale.ROOT);
      boolean every = true;
      for (String term : terms) {
        if (!all.contains(term)) {
          every = false;
          break;
        }
      }
      found += every ? 1 : 0;
    }
    return found;
  }

  private String query(int kind, List<Paper> papers) {
    Paper some = papers.get(random.nextInt(papers.size()));
    return switch (kind) {
      case 0 -> some.getTitle();
      case 1 -> word(200, 5_000) + " " + word(200, 5_000);
      case 2 -> "\"" + some.getTitle().split(" ")[1] + " " + some.getTitle().split(" ")[2] + "\"";
      case 3 -> "author:\"" + some.getAuthors().get(0) + "\"";
      default -> word(50, 2_000).substring(0, 3) + "* " + word(100, 3_000);
    };
  }

  private Paper paper(int i) {
    LocalDate day = LAST_DAY.minusDays(random.nextInt(1_000));
    List<String> authors = new ArrayList<>();
    for (int a = 0; a < 4; a++) {
      authors.add(capitalize(words[random.nextInt(30_000) % words.length]) + " " + capitalize(words[random.nextInt(words.length)]));
    }
    Paper paper = SearchPapers.paper(String.format("bench-%06d", i), capitalize(sentence(8)), capitalize(sentence(150)) + ".",
        day, authors.toArray(String[]::new));
    return Paper.newBuilder(paper).setKeywords(List.of(sentence(2), sentence(2), sentence(1))).build();
  }

  private String sentence(int length) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < length; w++) {
      text.append(w == 0 ? "" : " ").append(words[zipfIndex()]);
    }
    return text.toString();
  }

  private String word(int fromRank, int toRank) {
    return words[fromRank + random.nextInt(toRank - fromRank)];
  }

  private int zipfIndex() {
    int found = java.util.Arrays.binarySearch(zipf, random.nextDouble());
    return Math.min(zipf.length - 1, found >= 0 ? found : -found - 1);
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }

  private static String loadAverage() throws Exception {
    Path load = Path.of("/proc/loadavg");
    return Files.exists(load) ? Files.readString(load).strip() : "unknown";
  }
}
