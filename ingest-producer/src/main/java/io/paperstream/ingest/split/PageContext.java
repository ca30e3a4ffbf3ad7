package io.paperstream.ingest.split;

import io.paperstream.ingest.EntrySink;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The provenance every record of one page shares, and where its entries and dead letters go as
 * soon as they are read: nothing of a page is held back, so a page of any length costs bounded
 * memory. One instance per {@link PageSplitter#split} call, so never shared between threads.
 *
 * <p>Entries beyond the {@link SplitLimits} become dead letters here, whatever form they came
 * from; dead letters beyond the page's cap are counted and summed up in one at {@link #finish()}.
 */
final class PageContext {

  private final Page page;
  private final SourceKind kind;
  private final String fingerprint;
  private final Clock clock;
  private final SplitLimits limits;
  private final EntrySink sink;
  private int entries;
  private int nextFreePosition;
  private int deadLetters;
  private int dropped;
  private Integer firstDroppedPosition;
  private String firstDroppedReason;
  private boolean pageRejected;
  private boolean watchForReplacement;
  private Integer firstReplacedPosition;

  PageContext(Page page, SourceKind kind, String fingerprint, Clock clock, SplitLimits limits, EntrySink sink) {
    this.page = page;
    this.kind = kind;
    this.fingerprint = fingerprint;
    this.clock = clock;
    this.limits = limits;
    this.sink = sink;
  }

  String source() {
    return page.source();
  }

  LocalDate asOf() {
    return page.asOf();
  }

  SplitLimits limits() {
    return limits;
  }

  SourceKind kind() {
    return kind;
  }

  int entries() {
    return entries;
  }

  /** One past the highest position an entry or dead letter of this page has used. */
  int nextFreePosition() {
    return nextFreePosition;
  }

  private void used(Integer position) {
    if (position != null && position >= nextFreePosition) {
      nextFreePosition = position + 1;
    }
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

  /** Hands the entry on, or dead-letters it when a field is beyond the limits. */
  void accept(RawEntry entry) {
    Optional<EntryLimits.Violation> violation = EntryLimits.check(entry, limits);
    if (violation.isPresent()) {
      reject(entry.getPosition(), violation.get().reason(), violation.get().excerpt());
      return;
    }
    if (watchForReplacement && firstReplacedPosition == null && EntryLimits.containsReplacement(entry)) {
      firstReplacedPosition = entry.getPosition();
    }
    entries++;
    used(entry.getPosition());
    sink.entry(entry);
  }

  /** Records that the entry at {@code position} could not be read, and why. */
  void reject(Integer position, String reason, String excerpt) {
    reject(position, reason, () -> excerpt);
  }

  /** The same, with an excerpt only made when the dead letter is kept (junk pages have millions). */
  void reject(Integer position, String reason, java.util.function.Supplier<String> excerpt) {
    used(position);
    if (deadLetters >= limits.maxDeadLettersPerPage()) {
      if (dropped++ == 0) {
        firstDroppedPosition = position;
        firstDroppedReason = reason;
      }
      return;
    }
    deadLetters++;
    sink.deadLetter(DeadLetters.of(page.source(), kind, position, reason, excerpt.get(), clock.instant()));
  }

  /**
   * Records that the page as a whole could not be read. Whatever was already handed on stays: a
   * page is only rejected as a whole before its first entry.
   */
  void rejectPage(String reason, String excerpt) {
    pageRejected = entries == 0 && deadLetters == 0;
    reject(pageRejected ? null : nextFreePosition, reason, excerpt);
  }

  boolean pageRejected() {
    return pageRejected;
  }

  /** Remembers the first entry that carries a U+FFFD, to locate an invalid-byte report. */
  void watchForReplacementCharacter() {
    watchForReplacement = true;
  }

  Integer firstReplacedPosition() {
    return firstReplacedPosition;
  }

  /** Ends the page: sums up the dead letters beyond the cap in one. */
  SplitCounts finish() {
    if (dropped > 0) {
      deadLetters++;
      sink.deadLetter(DeadLetters.of(page.source(), kind, firstDroppedPosition, dropped
          + " more dead letters of this page were dropped: at most " + limits.maxDeadLettersPerPage()
          + " are kept per page (" + SplitLimits.MAX_DEAD_LETTERS_PER_PAGE + "); the first dropped: "
          + firstDroppedReason, null, clock.instant()));
    }
    return new SplitCounts(kind, entries, deadLetters, dropped, pageRejected);
  }
}
