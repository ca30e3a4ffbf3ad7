package io.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.RawEntry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A site that cannot be reached at all (offline, down, its name not resolving) costs every page
 * the fetcher's retries: after {@code feed.unreachable-limit} such pages in a row a run stops
 * asking, leaves the rest for the next run or cycle, and says why; nothing is lost.
 */
class DailyFeedUnreachableSiteTest extends FeedOnKafkaTestBase {

  private static final LocalDate FIRST = LocalDate.parse("2026-03-01");
  private static final LocalDate LAST = FIRST.plusDays(9);

  @Test
  void aBackfillStopsAfterTheLimitOfUnreachableDaysAndTheSameBackfillLaterResumes() throws Exception {
    // given ten days on a site that is down (its port refuses connections)
    int port = site.baseUrl().getPort();
    site.close();

    // when the ten days are backfilled with the default limit of three
    DailyFeed down = feed();
    FeedSummary stopped = down.backfill(FIRST, LAST, BackfillProgress.NONE);
    closeFeed(down);

    // then three days were tried and failed, seven were not tried, and the summary says why
    assertThat(stopped.failed()).isEqualTo(FeedSettings.DEFAULT_UNREACHABLE_LIMIT);
    assertThat(stopped.pages(PageOutcome.NOT_TRIED)).isEqualTo(10 - FeedSettings.DEFAULT_UNREACHABLE_LIMIT);
    assertThat(stopped.notRead()).isEqualTo(10);
    assertThat(stopped.unreachable())
        .startsWith("http://127.0.0.1:" + port + " could not be reached for 3 pages in a row")
        .contains("cannot connect to 127.0.0.1: connection refused");
    assertThat(stopped.toString()).contains("3 failed, 7 not tried");
    // and only the days tried are on record as failing, each dead-lettered
    assertThat(fetchLog()).hasSize(3);
    assertThat(producedDeadLetters()).hasSize(3)
        .allSatisfy(d -> assertThat(d.getReason()).contains("connection refused"));

    // when the site is back where it was and the same backfill runs again
    site = new FakeDigestSite(port);
    List<RawEntry> expected = serveEveryDay();
    DailyFeed back = feed();
    FeedSummary resumed = back.backfill(FIRST, LAST, BackfillProgress.NONE);
    closeFeed(back);

    // then every day arrived, once
    assertThat(resumed.pages(PageOutcome.PRODUCED)).isEqualTo(10);
    assertThat(resumed.unreachable()).isNull();
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void aCycleLeavesItsOtherPagesToTheNextCycleOnceTheSiteIsFoundUnreachable() {
    // given the schedule's five pages (today and four days back) on a site that is down
    site.close();
    clock.set(LAST.atTime(9, 0).toInstant(ZoneOffset.UTC));
    DailyFeed feed = feed(s -> s.with(FeedSettings.LOOK_BACK_DAYS_KEY, "4")
        .with(FeedSettings.UNREACHABLE_LIMIT_KEY, "2"));

    // when one cycle polls
    FeedSummary cycle = feed.pollOnce();
    long notTried = feed.metrics().pages(PageOutcome.NOT_TRIED);
    closeFeed(feed);

    // then two pages failed, three were left untried (counted, not on record), and the cycle says why
    assertThat(cycle.failed()).isEqualTo(2);
    assertThat(cycle.pages(PageOutcome.NOT_TRIED)).isEqualTo(3);
    assertThat(notTried).isEqualTo(3);
    assertThat(cycle.unreachable()).contains("could not be reached for 2 pages in a row");
    assertThat(fetchLog()).hasSize(2);
  }

  @Test
  void pagesTheSiteAnswersWithErrorsAreNotTakenForAnUnreachableSite() {
    // given a site that answers every listing with 500
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      String path = InventedPages.apiPath(day);
      for (int attempt = 0; attempt <= FetchPolicy.DEFAULT_RETRIES; attempt++) {
        site.fault(path, FakeDigestSite.status(500));
      }
    }

    // when the ten days are backfilled
    DailyFeed feed = feed();
    FeedSummary summary = feed.backfill(FIRST, LAST, BackfillProgress.NONE);
    closeFeed(feed);

    // then every day was tried: a site that answers is not given up on
    assertThat(summary.failed()).isEqualTo(10);
    assertThat(summary.pages(PageOutcome.NOT_TRIED)).isZero();
    assertThat(summary.unreachable()).isNull();
  }

  private List<RawEntry> serveEveryDay() {
    List<RawEntry> expected = new ArrayList<>();
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      expected.addAll(serveDay(day, 3, 1));
    }
    return expected;
  }
}
