package io.paperstream.processor.app;

import io.paperstream.processor.enrich.JarResource;
import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.normalize.TextNormalizer;
import io.paperstream.processor.search.PaperDocuments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the per-paper work (text normalization, keyword extraction with and without a vocabulary,
 * the search index's analysis) over invented papers on a thread of its own while Kafka Streams
 * starts, so the first page a processor meets is not the one that pays for loading classes and
 * for running interpreted code: in a fresh JVM the first extraction takes the better part of a
 * second and the next hundred about 10 ms each, against well under 1 ms once compiled. The
 * broker start, topic creation and first rebalance leave the cores idle for seconds; this fills
 * them. Bounded by a number of papers and a time limit; it touches no store and no topic.
 */
public final class WarmUp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
  private static final String RESOURCE = "/io/paperstream/processor/app/warm-up-papers.tsv";
  private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

  private final Thread thread;
  private volatile boolean stopped;
  private volatile int papersDone;

  private WarmUp(int papers, int keywordsPerPaper) {
    this.thread = new Thread(() -> run(papers, keywordsPerPaper), "paperstream-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  /** Starts warming up over {@code papers} invented papers (0: nothing, returns a no-op). */
  public static WarmUp start(int papers, int keywordsPerPaper) {
    WarmUp warmUp = new WarmUp(papers, keywordsPerPaper);
    if (papers > 0) {
      warmUp.thread.start();
    }
    return warmUp;
  }

  /** Waits up to {@code limit} for the warm-up to end; whether it has. */
  public boolean awaitDone(Duration limit) throws InterruptedException {
    if (thread.isAlive()) {
      thread.join(Math.max(1, limit.toMillis()));
    }
    return !thread.isAlive();
  }

  /** Invented papers worked through so far. */
  public int papersDone() {
    return papersDone;
  }

  /** Stops warming up: the processor is closing. */
  @Override
  public void close() {
    stopped = true;
  }

  private void run(int papers, int keywordsPerPaper) {
    long start = System.nanoTime();
    long deadline = start + TIME_LIMIT.toNanos();
    int done = 0;
    try (Analyzer analyzer = PaperDocuments.analyzer()) {
      KeywordExtractor extractor = new KeywordExtractor(keywordsPerPaper);
      List<String[]> texts = inventedPapers();
      TextNormalizer normalizer = new TextNormalizer();
      KeyphraseVocabulary vocabulary = vocabularyOf(texts, extractor);
      while (done < papers && !stopped && System.nanoTime() < deadline) {
        String[] paper = texts.get(done % texts.size());
        // a number in the title keeps each paper a little different, as the real ones are
        String title = normalizer.normalize(paper[0] + " " + done);
        String abstractText = normalizer.normalize(paper[1]);
        extractor.extract(title, abstractText, done % 2 == 0 ? KeyphraseVocabulary.EMPTY : vocabulary);
        analyze(analyzer, PaperDocuments.TITLE, title);
        analyze(analyzer, PaperDocuments.ABSTRACT, abstractText);
        papersDone = ++done;
      }
    } catch (RuntimeException e) {
      // the warm-up only saves time; processing does not depend on it
      LOG.warn("warm-up stopped after {} invented papers: {}", done, e.toString());
      return;
    }
    LOG.debug("warm-up: {} invented papers in {} ms", done, (System.nanoTime() - start) / 1_000_000);
  }

  private static void analyze(Analyzer analyzer, String field, String text) {
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      tokens.reset();
      while (tokens.incrementToken()) {
        // the tokens themselves are not needed
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A vocabulary in which every phrase the invented papers offer was chosen once in three. */
  private static KeyphraseVocabulary vocabularyOf(List<String[]> texts, KeywordExtractor extractor) {
    Map<String, Long> chosen = new HashMap<>();
    Map<String, Long> seen = new HashMap<>();
    for (String[] paper : texts) {
      int i = 0;
      for (String phrase : extractor.candidatePhrases(paper[0], paper[1])) {
        seen.merge(phrase, 3L, Long::sum);
        if (i++ % 3 == 0) {
          chosen.merge(phrase, 1L, Long::sum);
        }
      }
    }
    return KeyphraseVocabulary.of(chosen, seen, 3L * texts.size());
  }

  /** Title and abstract of each invented paper in the jar's resource ({@code title<TAB>abstract} lines). */
  static List<String[]> inventedPapers() {
    return JarResource.read(WarmUp.class, RESOURCE, "the warm-up papers", in -> {
      List<String[]> papers = new ArrayList<>();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int tab = line.indexOf('\t');
        if (tab > 0 && !line.startsWith("#")) {
          papers.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
        }
      }
      return papers;
    });
  }
}
