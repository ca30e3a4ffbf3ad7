package io.paperstream.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.FetchLogEntry;
import io.paperstream.schemas.RawEntry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each fault of a flaky network or an unfriendly server, handled as specified: retried when it
 * may pass, reported (log, counter, dead letter, fetch log) when it does not, and in every case
 * nothing lost and nothing produced twice.
 */
class DailyFeedFaultsTest extends FeedOnKafkaTestBase {

  private static final LocalDate DAY = LocalDate.parse("2026-03-03");
  private static final String PATH = InventedPages.apiPath(DAY);

  @Test
  void serverErrorsAreRetriedWithBackoffUntilThePageComes() {
    // given a listing that fails twice with 500 before it is served
    List<RawEntry> expected = serveDay(DAY, 3, 1);
    site.fault(PATH, FakeDigestSite.status(500));
    site.fault(PATH, FakeDigestSite.status(502));

    // when the day is backfilled
    FeedSummary summary = backfillTheDay();

    // then it took three requests, with exponential back-off between them, and the page arrived once
    assertThat(summary.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(site.count(PATH)).isEqualTo(3);
    assertThat(pause.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertEachOnce(producedEntries(), expected);
    assertThat(producedDeadLetters()).isEmpty();
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
    // given a listing answered first with 429 Retry-After: 7, then 503 with an HTTP date 20 s ahead
    List<RawEntry> expected = serveDay(DAY, 2, 1);
    site.fault(PATH, FakeDigestSite.retryAfter(429, "7"));
    site.fault(PATH, (exchange, s) -> FakeDigestSite.retryAfter(503,
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(20).atZone(java.time.ZoneOffset.UTC))).answer(exchange, s));

    // when the day is backfilled
    FeedSummary summary = backfillTheDay();

    // then the feed waited what the server asked for each time, and the page arrived once
    assertThat(summary.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(pause.waits()).hasSize(2);
    assertThat(pause.waits().get(0)).isEqualTo(Duration.ofSeconds(7));
    assertThat(pause.waits().get(1)).isBetween(Duration.ofSeconds(12), Duration.ofSeconds(20));
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void aRetryAfterLongerThanTheBackoffCapDefersThePageToALaterCycle() {
    // given a listing whose server asks for an hour's rest
    List<RawEntry> expected = serveDay(DAY, 2, 1);
    site.fault(PATH, FakeDigestSite.retryAfter(503, "3600"));
    clock.set(DAY.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
    DailyFeed feed = feed(s -> s.with(FeedSettings.LOOK_BACK_DAYS_KEY, "0"));

    // when the schedule polls, again ten minutes later, and again after the hour
    FeedSummary first = feed.pollOnce();
    clock.advance(Duration.ofMinutes(10));
    FeedSummary tooEarly = feed.pollOnce();
    clock.advance(Duration.ofHours(1));
    FeedSummary later = feed.pollOnce();
    closeFeed(feed);

    // then the feed did not wait an hour inside the fetch, did not ask again before the hour was up,
    // and got the page afterwards, once
    assertThat(pause.waits()).isEmpty();
    assertThat(first.failed()).isEqualTo(1);
    assertThat(tooEarly.pages(PageOutcome.DEFERRED)).isEqualTo(1);
    assertThat(later.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(site.count(PATH)).isEqualTo(2);
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void aResponseSlowerThanTheTimeoutIsAbandonedAndRetried() {
    // given a listing whose first answer never comes, and a 300 ms timeout
    List<RawEntry> expected = serveDay(DAY, 2, 1);
    site.fault(PATH, FakeDigestSite.hang());

    // when the day is backfilled
    long started = System.nanoTime();
    DailyFeed feed = feed(s -> s.with(FeedSettings.TIMEOUT_KEY, "300ms"));
    FeedSummary summary = feed.backfill(DAY, DAY, BackfillProgress.NONE);
    closeFeed(feed);

    // then the first request was given up after the timeout and the retry brought the page, once
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(summary.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(site.count(PATH)).isEqualTo(2);
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void aTruncatedBodyIsAFailureToRetryNeverAPage() {
    // given a listing whose first answer breaks off halfway through its declared length
    List<RawEntry> expected = serveDay(DAY, 4, 1);
    site.fault(PATH, FakeDigestSite.truncated(InventedPages.apiDay(DAY, 4, 1).getBytes(UTF_8)));

    // when the day is backfilled (with a long timeout: the break must be seen as such, not waited out)
    long started = System.nanoTime();
    FeedSummary summary = feed(s -> s.with(FeedSettings.TIMEOUT_KEY, "20s")).backfill(DAY, DAY, BackfillProgress.NONE);
    closeFeed(feeds.get(0));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

    // then the half page was not split (no dead letters for it), the retry brought the whole page, once
    assertThat(summary.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(site.count(PATH)).isEqualTo(2);
    assertThat(pause.waits()).hasSize(1);
    assertEachOnce(producedEntries(), expected);
    assertThat(producedDeadLetters()).isEmpty();
  }

  @Test
  void anOversizedPageIsRefusedAndReported() {
    // given a listing larger than the configured cap
    serveDay(DAY, 40, 1);

    // when the day is backfilled
    DailyFeed feed = feed(s -> s.with(FeedSettings.MAX_BYTES_KEY, "2048"));
    FeedSummary summary = feed.backfill(DAY, DAY, BackfillProgress.NONE);
    long failures = feed.metrics().fetchFailures();
    closeFeed(feed);

    // then it was asked for once (a size never shrinks on retry), nothing of it was produced,
    // and the failure is on record everywhere
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(failures).isEqualTo(1);
    assertThat(site.count(PATH)).isEqualTo(1);
    assertThat(producedEntries()).isEmpty();
    assertFetchFailureReported(url(PATH), "page larger than the 2048-byte limit");
  }

  @Test
  void aRedirectToAnotherHostIsRefusedAndReported() {
    // given a listing that redirects to a host that is not allowed (localhost is not 127.0.0.1)
    serveDay(DAY, 2, 1);
    site.fault(PATH, FakeDigestSite.redirect(302, "http://localhost:" + site.baseUrl().getPort() + "/elsewhere"));

    // when the day is backfilled
    FeedSummary summary = backfillTheDay();

    // then the other host was never contacted, and the refusal is reported
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(site.requests()).extracting(FakeDigestSite.Request::pathAndQuery).containsExactly(PATH);
    assertThat(producedEntries()).isEmpty();
    assertFetchFailureReported(url(PATH), "refused: host localhost is not in fetch.allowed-hosts");
  }

  @Test
  void aRedirectWithinTheSameHostIsFollowed() {
    // given a listing moved, on the same host
    List<RawEntry> expected = serveDay(DAY, 2, 1);
    String moved = "/api/daily_papers?date=" + DAY + "&v=2";
    site.fault(PATH, FakeDigestSite.redirect(301, moved));
    site.serveJson(moved, InventedPages.apiDay(DAY, 2, 1));

    // when the day is backfilled
    FeedSummary summary = backfillTheDay();

    // then the entries arrive once, under the URL the feed asked for
    assertThat(summary.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(site.requests()).extracting(FakeDigestSite.Request::pathAndQuery).containsExactly(PATH, moved);
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void aPageThatKeepsFailingIsReportedAndRetriedOnALaterCycle() {
    // given today's listing failing on every attempt of a first cycle
    LocalDate today = LocalDate.parse("2026-03-20");
    String path = InventedPages.apiPath(today);
    List<RawEntry> expected = serveDay(today, 2, 1);
    for (int i = 0; i < 5; i++) {
      site.fault(path, FakeDigestSite.status(500));
    }
    DailyFeed feed = feed(s -> s.with(FeedSettings.LOOK_BACK_DAYS_KEY, "0"));

    // when a cycle runs, and the next one an interval later
    FeedSummary failing = feed.pollOnce();
    long failures = feed.metrics().fetchFailures();
    clock.advance(Duration.ofHours(1));
    FeedSummary recovered = feed.pollOnce();
    closeFeed(feed);

    // then the first cycle tried 1 + 4 times with capped exponential back-off, reported the page,
    // and the next cycle fetched it: nothing lost, nothing twice
    assertThat(failing.failed()).isEqualTo(1);
    assertThat(failures).isEqualTo(1);
    assertThat(pause.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8));
    assertThat(recovered.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(site.count(path)).isEqualTo(6);
    assertEachOnce(producedEntries(), expected);
    List<DeadLetter> deadLetters = producedDeadLetters();
    assertThat(deadLetters).singleElement().satisfies(d -> {
      assertThat(d.getStage()).isEqualTo("fetch");
      assertThat(d.getReason()).contains("HTTP 500").contains("5 attempts");
    });
    assertThat(fetchLog().get(url(path)).getConsecutiveFailures()).isZero();
  }

  @Test
  void aBackfillDayThatFailedIsRetriedByTheNextRun() {
    // given a day that fails (404 while the site is being fixed)
    site.fault(PATH, FakeDigestSite.status(404));
    List<RawEntry> expected = serveDay(DAY, 2, 1);
    FeedSummary failed = backfillTheDay();

    // when the backfill runs again
    FeedSummary again = feed().backfill(DAY, DAY, BackfillProgress.NONE);
    closeFeed(feeds.get(0));

    // then the failed day was not taken for done, and arrived once
    assertThat(failed.failed()).isEqualTo(1);
    assertThat(again.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertEachOnce(producedEntries(), expected);
  }

  private FeedSummary backfillTheDay() {
    DailyFeed feed = feed();
    FeedSummary summary = feed.backfill(DAY, DAY, BackfillProgress.NONE);
    closeFeed(feed);
    return summary;
  }

  private void assertFetchFailureReported(String url, String reason) {
    assertThat(producedDeadLetters()).singleElement().satisfies(d -> {
      assertThat(d.getSource()).isEqualTo(url);
      assertThat(d.getStage()).isEqualTo("fetch");
      assertThat(d.getReason()).contains(reason);
      assertThat(d.getPosition()).isNull();
    });
    FetchLogEntry logged = fetchLog().get(url);
    assertThat(logged.getConsecutiveFailures()).isEqualTo(1);
    assertThat(logged.getLastError()).contains(reason);
    assertThat(logged.getNextAttemptAt()).isNotNull();
    assertThat(logged.getContentFingerprint()).isNull();
  }
}
