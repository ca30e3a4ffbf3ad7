package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What a task start costs when its paper index must be rebuilt: N invented papers (about 7
 * authors and 10 keywords each, drawn from 3,000 phrases, over 580 days) in a RocksDB papers store
 * of one task, an empty RocksDB index beside it, and the time {@link PaperIndexer#init} takes to
 * rebuild it. Beside it, in the same run, the baseline: the same papers indexed change by change,
 * as the processor does while they arrive.
 *
 * <pre>./mvnw -q -pl stream-processor exec:java@index-rebuild-benchmark -Dbench.papers=100000</pre>
 */
public final class PaperIndexRebuildBenchmark {

  private PaperIndexRebuildBenchmark() {}

  public static void main(String[] args) throws IOException {
    int count = Integer.getInteger("bench.papers", 100_000);
    List<Paper> papers = invented(count, new Random(42));
    System.out.printf(Locale.ROOT, "load average at start: %.1f; %,d papers%n", loadAverage(), count);
    for (int round = 1; round <= 2; round++) {
      Path dir = Files.createTempDirectory("paper-index-rebuild");
      MockProcessorContext<Void, Void> context = context(dir);
      KeyValueStore<String, Paper> store = rocksDb(context, PaperTopology.PAPERS_STORE,
          Topics.defaults().sightings().valueSerde());
      KeyValueStore<String, Long> versions = rocksDb(context, PaperIndex.VERSION_STORE, Serdes.Long());
      KeyValueStore<String, String> incremental = rocksDb(context, PaperIndex.STORE, Serdes.String());

      long started = System.nanoTime();
      PaperIndexer indexer = new PaperIndexer();
      indexer.init(context);
      for (Paper paper : papers) {
        store.put(paper.getPaperId(), paper);
        indexer.process(new Record<>(paper.getPaperId(), new PaperChange(paper.getPaperId(), null, paper, null), 0L));
      }
      double changeByChange = (System.nanoTime() - started) / 1e9;
      incremental.close();

      // a second index store of the same name in another folder: the wiped one
      MockProcessorContext<Void, Void> wipedContext = context(dir.resolve("wiped"));
      wipedContext.addStateStore(store);
      wipedContext.addStateStore(versions);
      KeyValueStore<String, String> wiped = rocksDb(wipedContext, PaperIndex.STORE, Serdes.String());
      started = System.nanoTime();
      new PaperIndexer().init(wipedContext);
      double rebuild = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: rebuild %.1f s (%,.0f papers/s); change by change, papers store "
              + "writes included (baseline) %.1f s (%,.0f papers/s); load average %.1f%n", round, rebuild,
          count / rebuild, changeByChange, count / changeByChange, loadAverage());
      wiped.close();
      store.close();
      versions.close();
    }
  }

  private static MockProcessorContext<Void, Void> context(Path dir) throws IOException {
    Files.createDirectories(dir);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "paper-index-rebuild");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new MockProcessorContext<>(config, new TaskId(0, 0), dir.toFile());
  }

  private static <V> KeyValueStore<String, V> rocksDb(MockProcessorContext<Void, Void> context, String name,
      org.apache.kafka.common.serialization.Serde<V> values) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
        Serdes.String(), values).withLoggingDisabled().withCachingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  private static List<Paper> invented(int count, Random random) {
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      phrases.add("phrase " + Integer.toString(i * 7919, 36) + (i % 3 == 0 ? "" : " model " + i % 17));
    }
    LocalDate first = LocalDate.parse("2024-05-27");
    Instant seen = Instant.parse("2024-05-27T08:00:00Z");
    List<Paper> papers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<String> keywords = new ArrayList<>();
      while (keywords.size() < 10) {
        // skewed: some phrases recur on many papers, as real keywords do
        String phrase = phrases.get((int) (phrases.size() * Math.pow(random.nextDouble(), 2)));
        if (!keywords.contains(phrase)) {
          keywords.add(phrase);
        }
      }
      List<String> authors = new ArrayList<>();
      for (int a = 2 + random.nextInt(10); a > 0; a--) {
        authors.add("Author " + random.nextInt(30_000));
      }
      LocalDate day = first.plusDays(i % 580);
      papers.add(Paper.newBuilder()
          .setPaperId(String.format(Locale.ROOT, "2%03d.%05d", i % 1000, i))
          .setArxivId(String.format(Locale.ROOT, "2%03d.%05d", i % 1000, i))
          .setTitle("An invented study number " + i)
          .setAbstract$("An invented abstract. ".repeat(60))
          .setAuthors(authors)
          .setPublishedDate(day)
          .setFeaturedDate(day.plusDays(1))
          .setUpvotes(random.nextInt(200))
          .setKeywords(keywords)
          .setFirstSeen(seen.plusSeconds(86_400L * (i % 580) + i))
          .setLastSeen(seen.plusSeconds(86_400L * (i % 580) + i))
          .setSightings(1)
          .build());
    }
    return papers;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
