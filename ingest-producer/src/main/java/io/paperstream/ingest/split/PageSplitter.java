package io.paperstream.ingest.split;

import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.SourceKind;
import java.time.Clock;
import java.util.Objects;

/**
 * Splits one digest page, in any of the site's forms (text rendering, API JSON, HTML), into raw
 * entries with provenance, and whatever cannot be read into located dead letters.
 *
 * <p>Bad input never throws: a page that cannot be read at all gives one dead letter without a
 * position, a bad entry gives one with its position, and the rest of the page still goes through.
 * Thread-safe: it keeps no state between calls.
 */
public final class PageSplitter {

  private final Clock clock;
  private final PageFormDetector detector = new PageFormDetector();
  private final TextPageSplitter text = new TextPageSplitter();
  private final ApiJsonPageSplitter api;
  private final HtmlPageSplitter html;

  public PageSplitter() {
    this(Clock.systemUTC());
  }

  /** With the clock that stamps dead letters, for tests. */
  PageSplitter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    JsonReader json = new JsonReader();
    ApiEntryMapper mapper = new ApiEntryMapper();
    this.api = new ApiJsonPageSplitter(json, mapper);
    this.html = new HtmlPageSplitter(new HydrationIslandReader(json), new HtmlCardReader(), mapper);
  }

  public SplitResult split(Page page) {
    Objects.requireNonNull(page, "page");
    String fingerprint = PaperKeys.sha256Hex(page.body());
    PageFormDetector.Detection detection = detector.detect(page);
    PageContext context = new PageContext(page, detection.kind(), fingerprint, clock);
    if (!detection.readable()) {
      context.rejectPage(detection.problem(), detection.excerpt());
      return context.result();
    }
    try {
      splitAs(detection.kind(), detection.text(), context);
    } catch (RuntimeException | StackOverflowError e) {
      // a bug or a pathological page must cost this page, not the whole ingest run
      context.rejectPage("splitter failed on this " + detection.kind() + " page: " + e, detection.text());
    }
    return context.result();
  }

  private void splitAs(SourceKind kind, String body, PageContext context) {
    switch (kind) {
      case TEXT -> text.split(body, context);
      case API_JSON -> api.split(body, context);
      case HTML -> html.split(body, context);
      default -> context.rejectPage("no splitter for page form " + kind, body);
    }
  }
}
