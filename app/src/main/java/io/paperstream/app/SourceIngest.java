package io.paperstream.app;

import io.paperstream.console.Counted;
import io.paperstream.ingest.EntrySink;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.IngestSummary;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ingests SOURCEs page by page: the same pipeline as {@code papers ingest}, run once per page so
 * that progress can be shown (a bar on stderr when there are many pages) and counted in metrics.
 * Folders are walked as {@code PageSources} walks them (same endings, same sorted order), so the
 * entries and their positions are the same as with {@code papers ingest}.
 */
final class SourceIngest {

  /** What a run read, summed over its pages. */
  record Totals(int pages, int entries, int deadLetters, int unreadable, int skipped) {
    Totals plus(IngestSummary summary) {
      return new Totals(pages + summary.pages(), entries + summary.entries(), deadLetters + summary.deadLetters(),
          unreadable + summary.unreadable(), skipped + summary.skipped());
    }

    @Override
    public String toString() {
      return Counted.pages(pages) + ", " + Counted.entries(entries) + ", " + Counted.deadLetters(deadLetters)
          + (unreadable > 0 ? ", " + Counted.of(unreadable, "unreadable source") : "")
          + (skipped > 0 ? ", " + Counted.pages(skipped) + " already ingested, skipped (--force sends them again)"
              : "");
    }
  }

  private static final Set<String> PAGE_ENDINGS = Set.of(".txt", ".json", ".html", ".htm");
  private static final int BAR_FROM_PAGES = 5;
  private static final int BAR_WIDTH = 30;
  private static final long BAR_EVERY_NANOS = 200_000_000L;

  private final IngestPipeline pipeline;
  private final AppMetrics metrics;
  private final PrintWriter err;
  private final boolean terminal;

  /**
   * @param terminal whether {@code err} is a terminal: only there is the progress bar drawn, as
   *     one line redrawn with {@code \r}; in a file or a CI log it would be a flood of carriage
   *     returns with any log line glued to it, and the summary line says it all
   */
  SourceIngest(IngestPipeline pipeline, AppMetrics metrics, PrintWriter err, boolean terminal) {
    this.pipeline = pipeline;
    this.metrics = metrics;
    this.err = err;
    this.terminal = terminal;
  }

  Totals run(List<String> sources, EntrySink sink) {
    List<String> pages = pages(sources);
    boolean bar = terminal && pages.size() >= BAR_FROM_PAGES;
    Totals totals = new Totals(0, 0, 0, 0, 0);
    long lastDrawn = 0;
    for (int i = 0; i < pages.size(); i++) {
      IngestSummary summary = pipeline.run(List.of(pages.get(i)), counting(sink));
      metrics.pageRead(summary.unreadable() == 0);
      totals = totals.plus(summary);
      if (bar && (System.nanoTime() - lastDrawn > BAR_EVERY_NANOS || i == pages.size() - 1)) {
        draw(i + 1, pages.size(), totals);
        lastDrawn = System.nanoTime();
      }
    }
    if (bar) {
      err.println();
      err.flush();
    }
    return totals;
  }

  private EntrySink counting(EntrySink sink) {
    return new EntrySink() {
      @Override
      public void entry(RawEntry entry) {
        sink.entry(entry);
        metrics.entriesIn(1);
      }

      @Override
      public void deadLetter(DeadLetter deadLetter) {
        sink.deadLetter(deadLetter);
        metrics.deadLetters(1);
      }
    };
  }

  private void draw(int done, int total, Totals totals) {
    int filled = (int) ((long) BAR_WIDTH * done / total);
    err.print("\ringest [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total
        + " pages, " + Counted.entries(totals.entries()) + ", " + Counted.deadLetters(totals.deadLetters()));
    err.flush();
  }

  /** Each SOURCE as the pages it holds: a URL or a file is one page, a folder every page file under it. */
  static List<String> pages(List<String> sources) {
    List<String> pages = new ArrayList<>();
    for (String source : sources) {
      String lower = source.toLowerCase(Locale.ROOT);
      Path path = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")
          ? null : Path.of(source);
      if (path == null || !Files.isDirectory(path)) {
        pages.add(source);
        continue;
      }
      try (Stream<Path> files = Files.walk(path)) {
        files.filter(Files::isRegularFile).filter(SourceIngest::looksLikePage).sorted()
            .forEachOrdered(file -> pages.add(file.toString()));
      } catch (IOException | UncheckedIOException e) {
        // let the pipeline read the folder itself: it reports the failure as a dead letter
        pages.add(source);
      }
    }
    return pages;
  }

  private static boolean looksLikePage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && PAGE_ENDINGS.stream().anyMatch(name::endsWith);
  }
}
