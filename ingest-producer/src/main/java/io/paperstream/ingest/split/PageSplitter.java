package io.paperstream.ingest.split;

import io.paperstream.console.Counted;
import io.paperstream.ingest.CollectingSink;
import io.paperstream.ingest.EntrySink;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SchemaRegistryException;
import io.paperstream.schemas.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Splits one digest page, in any of the site's forms (text rendering, API JSON, HTML), into raw
 * entries with provenance, and whatever cannot be read into located dead letters.
 *
 * <p>Bad input never throws: a page that cannot be read at all gives one dead letter without a
 * position, a bad entry gives one with its position, and the rest of the page still goes through.
 * Work and memory per page are bounded by the {@link SplitLimits}: a page over the size cap is one
 * dead letter and is not read; API JSON is streamed entry by entry; HTML and text pages are held
 * whole (they are at most the cap). Thread-safe: it keeps no state between calls.
 */
public final class PageSplitter {

  private final Clock clock;
  private final SplitLimits limits;
  private final PageFormDetector detector = new PageFormDetector();
  private final TextPageSplitter text = new TextPageSplitter();
  private final JsonEntries json;
  private final HtmlPageSplitter html;

  public PageSplitter() {
    this(SplitLimits.DEFAULTS);
  }

  public PageSplitter(SplitLimits limits) {
    this(limits, Clock.systemUTC());
  }

  /** With the clock that stamps dead letters, for tests. */
  PageSplitter(Clock clock) {
    this(SplitLimits.DEFAULTS, clock);
  }

  PageSplitter(SplitLimits limits, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.json = new JsonEntries(new ApiEntryMapper());
    this.html = new HtmlPageSplitter(new HydrationIslandReader(json), new HtmlCardReader(), json);
    // the record classes parse their Avro schemas when first used (about a second on a busy
    // machine): pay that here, not inside the first page's split
    RawEntry.getClassSchema();
    DeadLetter.getClassSchema();
  }

  public SplitLimits limits() {
    return limits;
  }

  /** Splits the page and collects what it gave (for pages that fit in memory: the feed, tests). */
  public SplitResult split(Page page) {
    CollectingSink collected = new CollectingSink();
    SplitCounts counts = split(page, null, collected);
    return new SplitResult(counts.kind(), collected.entries(), collected.deadLetters());
  }

  /**
   * Splits the page, handing each entry and dead letter to {@code sink} as soon as it is read.
   *
   * @param fingerprint the page's {@link #fingerprint}, which every entry carries, when the caller
   *     has it already; null: computed here (after the size check, so an oversized page is never read)
   */
  public SplitCounts split(Page page, String fingerprint, EntrySink sink) {
    Objects.requireNonNull(page, "page");
    long size;
    byte[] head;
    try {
      size = page.size();
      if (size > limits.maxPageBytes()) {
        return wholePage(page, null, sink, String.format("page is %,d bytes, over the cap of %,d bytes (%s); not read",
            size, limits.maxPageBytes(), SplitLimits.MAX_PAGE_BYTES));
      }
      head = head(page);
    } catch (IOException e) {
      return wholePage(page, null, sink, "cannot read the page: " + e.getMessage());
    }
    if (fingerprint == null) {
      fingerprint = fingerprint(page);
      if (fingerprint == null) {
        return wholePage(page, null, sink, "cannot read the page: it could not be read to its end");
      }
    }
    PageFormDetector.Detection detection = detector.detect(head, size, page.contentType());
    PageContext context = new PageContext(page, detection.kind(), fingerprint, clock, limits, sink);
    if (!detection.readable()) {
      context.rejectPage(detection.problem(), detection.excerpt());
      return context.finish();
    }
    try {
      splitAs(detection.kind(), detection.charset(), page, context);
    } catch (SchemaRegistryException e) {
      // the sink cannot write (serde.format=registry, registry unusable): no fault of the page's,
      // so the run stops rather than dead-lettering good entries
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // a bug or a pathological page must cost this page, not the whole ingest run
      context.rejectPage("splitter failed on this " + detection.kind() + " page: " + e, null);
    } catch (OutOfMemoryError e) {
      // the caps keep a page far below the heap; if one still exhausts it, that page is lost, not the run
      context.rejectPage(String.format("ran out of memory splitting this %,d-byte page (max heap %,d bytes): "
          + "lower %s or give the JVM more heap", size, Runtime.getRuntime().maxMemory(),
          SplitLimits.MAX_PAGE_BYTES), null);
    }
    return context.finish();
  }

  /** SHA-256 (hex) of the page body, streamed; null when the page cannot be read. */
  public static String fingerprint(Page page) {
    try (InputStream in = page.open()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** The first bytes after any leading white space: enough to tell the form, however the page is padded. */
  private static byte[] head(Page page) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(page.open())) {
      in.mark(1);
      int b;
      while ((b = in.read()) == ' ' || b == '\n' || b == '\r' || b == '\t') {
        in.mark(1);
      }
      in.reset();
      return in.readNBytes(PageFormDetector.SNIFF_BYTES);
    }
  }

  private SplitCounts wholePage(Page page, SourceKind kind, EntrySink sink, String reason) {
    PageContext context = new PageContext(page, kind, "", clock, limits, sink);
    context.rejectPage(reason, null);
    return context.finish();
  }

  private void splitAs(SourceKind kind, Charset charset, Page page, PageContext context) {
    boolean utf8 = charset.equals(StandardCharsets.UTF_8);
    context.watchForReplacementCharacter();
    if (kind == SourceKind.API_JSON) {
      JsonSource source = JsonSource.of(page, charset);
      json.split(source, IsoDates.fromSource(page.source()).orElse(null), context);
      reportReplaced(source.replaced(), source.firstReplacedOffset(), page, context);
      return;
    }
    PageText body = PageText.read(page, charset);
    switch (kind) {
      case TEXT -> text.split(body.text(), context);
      case HTML -> html.split(body.text(), context);
      default -> context.rejectPage("no splitter for page form " + kind, null);
    }
    if (utf8) {
      reportReplaced(body.replaced(), body.firstReplacedOffset(), page, context);
    }
  }

  /** Bad bytes were replaced, not fatal: say how many, where, and which entry carries them. */
  private static void reportReplaced(long replaced, long firstOffset, Page page, PageContext context) {
    if (replaced == 0 || context.pageRejected()) {
      return; // a page rejected as a whole has its one dead letter, whose excerpt shows the bytes
    }
    Integer position = context.firstReplacedPosition();
    String carriedBy = position != null
        ? "entry " + position + " carries it; it and the page's other entries are kept"
        : "no kept entry carries it; the page's entries are kept";
    context.reject(position != null ? position : context.nextFreePosition(),
        Counted.of(replaced, "invalid UTF-8 byte") + " replaced by U+FFFD, the first at byte offset " + firstOffset + "; "
            + carriedBy, PageExcerpts.around(page, firstOffset));
  }

}
