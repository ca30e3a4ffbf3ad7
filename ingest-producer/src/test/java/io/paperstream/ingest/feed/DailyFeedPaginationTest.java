package io.paperstream.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.RawEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A listing the API answers on several pages, each naming the next in a {@code Link: <…>;
 * rel="next"} header: every page is read, as a page of its own, and nothing after the first is lost.
 */
class DailyFeedPaginationTest extends FeedOnKafkaTestBase {

  private static final LocalDate DAY = LocalDate.parse("2026-03-02");
  private static final String FIRST = InventedPages.apiPath(DAY);
  private static final String SECOND = FIRST + "&p=1";
  private static final String THIRD = FIRST + "&p=2";

  @Test
  void everyPageALinkNamesIsReadOnceAndPolledAgainConditionally() {
    // given a day on three pages: a relative link to the second, an absolute one to the third
    clock.set(Instant.parse("2026-03-02T18:00:00Z"));
    List<RawEntry> expected = new ArrayList<>();
    expected.addAll(servePage(FIRST, DAY, 3));
    expected.addAll(servePage(SECOND, DAY.plusDays(40), 3));
    expected.addAll(servePage(THIRD, DAY.plusDays(80), 1));
    site.link(FIRST, "<" + SECOND + ">; rel=\"next\"");
    site.link(SECOND, "<" + site.baseUrl() + FIRST + ">; rel=\"prev\", <" + site.baseUrl() + THIRD + ">; rel=\"next\"");

    // when the day is backfilled
    FeedSummary first = feed().backfill(DAY, DAY, BackfillProgress.NONE);

    // then all three pages were produced, each entry once
    assertThat(first.pages(PageOutcome.PRODUCED)).isEqualTo(3);
    assertThat(first.entries()).isEqualTo(7);
    assertEachOnce(producedEntries(), expected);
    assertThat(fetchLog()).containsKeys(url(FIRST), url(SECOND), url(THIRD));

    // when the schedule polls again, in a new process
    closeFeed(feeds.get(0));
    FeedSummary again = feed(s -> s.with("feed.look-back-days", "0")).pollOnce();

    // then each page is asked for conditionally and nothing is produced twice
    assertThat(again.pages(PageOutcome.NOT_MODIFIED)).isEqualTo(3);
    assertThat(site.requests(SECOND)).hasSize(2).last()
        .satisfies(request -> assertThat(request.ifNoneMatch()).isNotNull());
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void aLaterPageThatChangesBehindAnUnchangedFirstPageIsStillRead() {
    // given a day on two pages, backfilled
    clock.set(Instant.parse("2026-03-02T18:00:00Z"));
    List<RawEntry> expected = new ArrayList<>();
    expected.addAll(servePage(FIRST, DAY, 2));
    servePage(SECOND, DAY.plusDays(40), 1);
    site.link(FIRST, "<" + SECOND + ">; rel=\"next\"");
    feed().backfill(DAY, DAY, BackfillProgress.NONE);
    closeFeed(feeds.get(0));

    // when papers are added on the second page only, and the schedule polls again
    expected.addAll(servePage(SECOND, DAY.plusDays(40), 3));
    FeedSummary again = feed(s -> s.with("feed.look-back-days", "0")).pollOnce();

    // then the first page's 304 (which carries no Link) still led to the second, whose new papers came
    assertThat(again.pages(PageOutcome.NOT_MODIFIED)).isEqualTo(1);
    assertThat(again.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(producedEntries()).extracting(RawEntry::getTitle)
        .containsAll(expected.stream().map(RawEntry::getTitle).toList());
  }

  @Test
  void aLinkBackToAPageAlreadyReadEndsTheListing() {
    // given two pages that name each other as next
    clock.set(Instant.parse("2026-03-02T18:00:00Z"));
    List<RawEntry> expected = new ArrayList<>();
    expected.addAll(servePage(FIRST, DAY, 2));
    expected.addAll(servePage(SECOND, DAY.plusDays(40), 2));
    site.link(FIRST, "<" + SECOND + ">; rel=\"next\"");
    site.link(SECOND, "<" + FIRST + ">; rel=next");

    // when the day is backfilled
    FeedSummary summary = feed().backfill(DAY, DAY, BackfillProgress.NONE);

    // then each page was fetched once and the feed went on
    assertThat(summary.pages(PageOutcome.PRODUCED)).isEqualTo(2);
    assertThat(site.count(FIRST)).isEqualTo(1);
    assertThat(site.count(SECOND)).isEqualTo(1);
    assertEachOnce(producedEntries(), expected);
  }

  /** Serves {@code count} invented entries (ids of {@code idDay}) at {@code path}; the entries the feed must produce. */
  private List<RawEntry> servePage(String path, LocalDate idDay, int count) {
    String json = InventedPages.apiDay(idDay, count, 1);
    site.serveJson(path, json);
    return split(path, "application/json; charset=utf-8", json.getBytes(UTF_8), DAY);
  }
}
