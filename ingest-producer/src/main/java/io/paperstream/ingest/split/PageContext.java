package io.paperstream.ingest.split;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The provenance every record of one page shares, and the entries and dead letters collected from
 * it so far. One instance per {@link PageSplitter#split} call, so never shared between threads.
 */
final class PageContext {

  private final Page page;
  private final SourceKind kind;
  private final String fingerprint;
  private final Clock clock;
  private final List<RawEntry> entries = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  PageContext(Page page, SourceKind kind, String fingerprint, Clock clock) {
    this.page = page;
    this.kind = kind;
    this.fingerprint = fingerprint;
    this.clock = clock;
  }

  String source() {
    return page.source();
  }

  LocalDate asOf() {
    return page.asOf();
  }

  /** A builder with the provenance fields set; the caller adds what the page says. */
  RawEntry.Builder newEntry(int position, LocalDate pageDate) {
    return RawEntry.newBuilder()
        .setSource(page.source())
        .setSourceKind(kind)
        .setFetchedAt(page.fetchedAt().truncatedTo(ChronoUnit.MILLIS))
        .setPageDate(pageDate)
        .setPosition(position)
        .setPageFingerprint(fingerprint);
  }

  void accept(RawEntry entry) {
    entries.add(entry);
  }

  /** Records that the entry at {@code position} could not be read, and why. */
  void reject(int position, String reason, String excerpt) {
    deadLetters.add(DeadLetters.of(page.source(), kind, position, reason, excerpt, clock.instant()));
  }

  /** Records that the page as a whole could not be read; whatever was collected is dropped. */
  void rejectPage(String reason, String excerpt) {
    entries.clear();
    deadLetters.clear();
    deadLetters.add(DeadLetters.of(page.source(), kind, null, reason, excerpt, clock.instant()));
  }

  SplitResult result() {
    return new SplitResult(kind, entries, deadLetters);
  }
}
