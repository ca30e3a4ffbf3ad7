package io.paperstream.ingest.feed;

import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.ingest.source.NextPageLink;
import io.paperstream.ingest.split.Page;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitResult;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.FetchLogEntry;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one page: a conditional fetch, then, only when the content is new, its entries produced
 * and the fetch log updated. A failure is logged, counted, dead-lettered and recorded with a
 * next-attempt time, so that a later cycle tries again and nothing is dropped silently.
 *
 * <p>Order matters for "nothing lost": the entries are acknowledged by Kafka before the fetch log
 * records the page's fingerprint. A crash in between fetches the page again (downstream dedupes
 * the same page fingerprint); the opposite order could lose a page.
 */
final class PagePoller {

  private static final Logger LOG = LoggerFactory.getLogger(PagePoller.class);
  private static final Duration LONGEST_FAILURE_BACKOFF = Duration.ofDays(1);

  private final FetchLog log;
  private final PoliteFetcher fetcher;
  private final PageSplitter splitter;
  private final RawEntryProducer producer;
  private final Clock clock;
  private final FeedMetrics metrics;
  private final Duration interval;
  private final BooleanSupplier stopping;
  private final Supplier<Instant> nextCycle;

  PagePoller(FetchLog log, PoliteFetcher fetcher, PageSplitter splitter, RawEntryProducer producer, Clock clock,
      FeedMetrics metrics, Duration interval, BooleanSupplier stopping, Supplier<Instant> nextCycle) {
    this.log = log;
    this.fetcher = fetcher;
    this.splitter = splitter;
    this.producer = producer;
    this.clock = clock;
    this.metrics = metrics;
    this.interval = interval;
    this.stopping = stopping;
    this.nextCycle = nextCycle;
  }

  /** Polls {@code url}; {@code asOf} resolves year-less dates (the listing's day; null: the fetch date). */
  PollResult poll(URI url, LocalDate asOf) {
    return poll(url, asOf, Duration.ZERO);
  }

  /**
   * As {@link #poll(URI, LocalDate)}; a failing page whose next attempt is at most {@code early}
   * ahead is fetched now (a backfill run again by hand retries a day that failed once at once,
   * and still honours longer back-offs and Retry-After).
   */
  PollResult poll(URI url, LocalDate asOf, Duration early) {
    String key = url.toString();
    Optional<FetchLogEntry> logged = log.get(key);
    Instant now = clock.instant();
    if (logged.isPresent() && logged.get().getConsecutiveFailures() > 0 && logged.get().getNextAttemptAt() != null
        && logged.get().getNextAttemptAt().isAfter(now.plus(early))) {
      return count(new PollResult(key, PageOutcome.DEFERRED, 0, 0,
          "failing; next attempt at " + logged.get().getNextAttemptAt()));
    }
    PoliteFetcher.Validators validators = logged
        .filter(e -> e.getContentFingerprint() != null)
        .map(e -> new PoliteFetcher.Validators(e.getEtag(), e.getLastModified()))
        .orElse(PoliteFetcher.Validators.NONE);
    FetchResult result = fetcher.fetch(url, validators);
    if (result instanceof FetchResult.NotModified notModified) {
      if (validators == PoliteFetcher.Validators.NONE) {
        return count(fail(key, 304, "HTTP 304 to an unconditional request from " + url, null, logged, false));
      }
      // a 304 carries no Link header: the next page is the one the content it confirms named
      URI next = notModified.next() != null ? notModified.next() : loggedNextPage(logged);
      log.record(success(key, 304, notModified.etag(), notModified.lastModified(),
          logged.get().getContentFingerprint(), next));
      metrics.succeeded(clock.instant());
      return count(PollResult.of(key, PageOutcome.NOT_MODIFIED).withNext(next));
    }
    if (result instanceof FetchResult.Modified modified) {
      PollResult read = read(key, modified, logged, asOf);
      return count(read.outcome() == PageOutcome.FAILED ? read : read.withNext(modified.next()));
    }
    FetchResult.Failed failed = (FetchResult.Failed) result;
    if (stopping.getAsBoolean()) {
      return count(PollResult.of(key, PageOutcome.STOPPED));
    }
    return count(fail(key, failed.status(), failed.reason(), failed.notBefore(), logged, failed.unreachable()));
  }

  /**
   * Polls a listing and the pages its answers name as next ({@link NextPageLink#follow}: a day
   * with more papers than one answer holds), each a page of its own in the fetch log;
   * {@code eachPage} hears every page's result.
   *
   * @return the first failing page's result, else the first page's
   */
  PollResult pollListing(URI url, LocalDate asOf, Duration early, Consumer<PollResult> eachPage) {
    List<PollResult> pages = new ArrayList<>();
    NextPageLink.follow(url, page -> poll(page, asOf, early), PollResult::next, page -> {
      pages.add(page);
      eachPage.accept(page);
    }, stopping);
    return pages.stream().filter(page -> page.outcome() == PageOutcome.FAILED).findFirst().orElse(pages.get(0));
  }

  private PollResult read(String key, FetchResult.Modified modified, Optional<FetchLogEntry> logged, LocalDate asOf) {
    String fingerprint = PaperKeys.sha256Hex(modified.body());
    if (logged.isPresent() && fingerprint.equals(logged.get().getContentFingerprint())) {
      log.record(success(key, 200, modified.etag(), modified.lastModified(), fingerprint, modified.next()));
      metrics.succeeded(clock.instant());
      return PollResult.of(key, PageOutcome.UNCHANGED);
    }
    Instant fetchedAt = clock.instant();
    SplitResult split = splitter.split(new Page(key, modified.contentType(), modified.body(), fetchedAt, asOf));
    long acknowledgedBefore = producer.acknowledged();
    for (RawEntry entry : split.entries()) {
      producer.entry(entry);
    }
    for (DeadLetter deadLetter : split.deadLetters()) {
      producer.deadLetter(deadLetter);
    }
    int sent = split.entries().size() + split.deadLetters().size();
    producer.flush();
    long acknowledged = producer.acknowledged() - acknowledgedBefore;
    if (acknowledged < sent) {
      // Not all of the page reached Kafka: do not remember its content, so it is produced again.
      return fail(key, 200, (sent - acknowledged) + " of " + sent + " records of the page could not be produced",
          null, logged, false);
    }
    log.record(success(key, 200, modified.etag(), modified.lastModified(), fingerprint, modified.next()));
    metrics.succeeded(clock.instant());
    metrics.addEntries(split.entries().size());
    metrics.addDeadLetters(split.deadLetters().size());
    if (!split.deadLetters().isEmpty()) {
      LOG.warn("{}: {} entries, {} dead letters", key, split.entries().size(), split.deadLetters().size());
    } else {
      // debug: a backfill's progress line owns stderr; cycles log their summary
      LOG.debug("{}: {} entries", key, split.entries().size());
    }
    return new PollResult(key, PageOutcome.PRODUCED, split.entries().size(), split.deadLetters().size(), null);
  }

  private PollResult fail(String key, int status, String reason, Instant notBefore, Optional<FetchLogEntry> logged,
      boolean siteUnreachable) {
    Instant now = clock.instant();
    int failures = logged.map(FetchLogEntry::getConsecutiveFailures).orElse(0) + 1;
    // the next cycle first (a time really ahead, not the failure time itself), then ever rarer
    Instant next = nextCycle.get().plus(failureBackoff(failures));
    if (!next.isAfter(now)) {
      next = now.plus(interval);
    }
    if (notBefore != null && notBefore.isAfter(next)) {
      next = notBefore;
    }
    // keep what we know of the last good content: if it comes back unchanged, nothing is produced
    log.record(FetchLogEntry.newBuilder()
        .setUrl(key)
        .setStatus(status)
        .setEtag(logged.map(FetchLogEntry::getEtag).orElse(null))
        .setLastModified(logged.map(FetchLogEntry::getLastModified).orElse(null))
        .setContentFingerprint(logged.map(FetchLogEntry::getContentFingerprint).orElse(null))
        .setFetchedAt(millis(now))
        .setConsecutiveFailures(failures)
        .setLastError(reason)
        .setNextAttemptAt(millis(next))
        .setNextPage(logged.map(FetchLogEntry::getNextPage).orElse(null))
        .build());
    producer.deadLetter(DeadLetter.newBuilder()
        .setSource(key)
        .setSourceKind(null)
        .setPosition(null)
        .setReason(reason)
        .setExcerpt(null)
        .setStage("fetch")
        .setOccurredAt(millis(now))
        .build());
    metrics.addDeadLetters(1);
    metrics.failed(now, reason, next);
    LOG.warn("{}: fetch failed ({} in a row): {}; next attempt at {}", key, failures, reason,
        next.truncatedTo(ChronoUnit.SECONDS));
    return new PollResult(key, PageOutcome.FAILED, 0, 1, reason, null, siteUnreachable);
  }

  /** 0, 1, 3, 7 ... intervals after the next cycle, for the n-th failure in a row. */
  private Duration failureBackoff(int failures) {
    long intervals = (1L << Math.min(failures - 1, 16)) - 1;
    Duration backoff = interval.multipliedBy(intervals);
    return backoff.compareTo(LONGEST_FAILURE_BACKOFF) > 0 ? LONGEST_FAILURE_BACKOFF : backoff;
  }

  /** The next page the logged answer named, or null (none, or not a URI). */
  private static URI loggedNextPage(Optional<FetchLogEntry> logged) {
    String next = logged.map(FetchLogEntry::getNextPage).orElse(null);
    try {
      return next == null ? null : URI.create(next);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private FetchLogEntry success(String key, int status, String etag, String lastModified, String fingerprint,
      URI nextPage) {
    return FetchLogEntry.newBuilder()
        .setUrl(key)
        .setStatus(status)
        .setEtag(etag)
        .setLastModified(lastModified)
        .setContentFingerprint(fingerprint)
        .setFetchedAt(millis(clock.instant()))
        .setConsecutiveFailures(0)
        .setLastError(null)
        .setNextAttemptAt(null)
        .setNextPage(nextPage == null ? null : nextPage.toString())
        .build();
  }

  private PollResult count(PollResult result) {
    metrics.count(result.outcome());
    return result;
  }

  // Avro timestamp-millis: a finer instant would not survive the round trip through the log
  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
