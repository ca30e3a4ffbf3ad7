package io.paperstream.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.ingest.Fixtures;
import io.paperstream.ingest.split.SplitLimits;
import io.paperstream.schemas.FetchLogEntry;
import io.paperstream.schemas.RawEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Backfills, restarts and the continuous schedule against a fake site and a real broker. */
class DailyFeedBackfillTest extends FeedOnKafkaTestBase {

  private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

  @Test
  void backfillProducesEveryEntryOnceAndASecondRunNothingNew() {
    // given a week of listings, the weekend empty, and "today" the Monday after
    clock.set(Instant.parse("2026-03-09T10:00:00Z"));
    List<RawEntry> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.addAll(serveDay(MONDAY.plusDays(i), 2 + i, 1));
    }
    site.serveJson(InventedPages.apiPath(MONDAY.plusDays(5)), "[]");
    site.serveJson(InventedPages.apiPath(MONDAY.plusDays(6)), "[]");
    expected.addAll(serveDay(MONDAY.plusDays(7), 3, 1));

    // when the range is backfilled
    FeedSummary first = feed().backfill(MONDAY, MONDAY.plusDays(7), BackfillProgress.NONE);

    // then every day was read, the empty ones too, and each entry produced once
    assertThat(first.pages(PageOutcome.PRODUCED)).isEqualTo(8);
    assertThat(first.failed()).isZero();
    assertThat(first.entries()).isEqualTo(expected.size());

    // when the backfill runs again in a new process
    closeFeed(feeds.get(0));
    int requestsBefore = site.requests().size();
    FeedSummary second = feed().backfill(MONDAY, MONDAY.plusDays(7), BackfillProgress.NONE);
    closeFeed(feeds.get(0));

    // then days whose look-back window has closed are not fetched at all, the recent ones only
    // conditionally, and nothing new is produced
    assertThat(second.pages(PageOutcome.SKIPPED)).isEqualTo(4);
    assertThat(second.pages(PageOutcome.NOT_MODIFIED)).isEqualTo(4);
    assertThat(second.entries()).isZero();
    List<FakeDigestSite.Request> again = site.requests().subList(requestsBefore, site.requests().size());
    assertThat(again).hasSize(4).allSatisfy(r -> assertThat(r.ifNoneMatch()).isNotNull());
    assertThat(again).extracting(FakeDigestSite.Request::pathAndQuery).containsExactly(
        InventedPages.apiPath(MONDAY.plusDays(4)), InventedPages.apiPath(MONDAY.plusDays(5)),
        InventedPages.apiPath(MONDAY.plusDays(6)), InventedPages.apiPath(MONDAY.plusDays(7)));
    assertEachOnce(producedEntries(), expected);
    assertThat(producedDeadLetters()).isEmpty();
    assertThat(site.requests()).allSatisfy(r -> assertThat(r.userAgent()).startsWith("paperstream/"));
  }

  @Test
  void pagesAreSplitWithTheConfiguredLimits() {
    // given a day of three entries whose titles are longer than a configured limit of 20 characters
    LocalDate day = LocalDate.parse("2026-03-02");
    serveDay(day, 3, 1);

    // when the day is backfilled
    DailyFeed feed = feed(s -> s.with(SplitLimits.MAX_TITLE_CHARS, "20"));
    FeedSummary summary = feed.backfill(day, day, BackfillProgress.NONE);
    closeFeed(feed);

    // then no entry was produced: each is a dead letter naming the setting, as papers ingest would make it
    assertThat(summary.entries()).isZero();
    assertThat(producedEntries()).isEmpty();
    assertThat(producedDeadLetters()).hasSize(3)
        .allSatisfy(d -> assertThat(d.getReason()).contains("over the limit of 20 (split.max-title-chars)"));
  }

  @Test
  void restartInTheMiddleOfABackfillResumesWithoutRefetching() {
    // given a week of listings
    List<RawEntry> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      expected.addAll(serveDay(MONDAY.plusDays(i), 2, 1));
    }
    // and a backfill stopped (as by Ctrl-C) after its third day
    DailyFeed interrupted = feed();
    FeedSummary partial = interrupted.backfill(MONDAY, MONDAY.plusDays(6), (done, total, day, result) -> {
      if (done == 3) {
        interrupted.stop();
      }
    });
    closeFeed(interrupted);
    assertThat(partial.pages(PageOutcome.PRODUCED)).isEqualTo(3);

    // when a new process backfills the same range
    List<String> progress = new ArrayList<>();
    FeedSummary resumed = feed().backfill(MONDAY, MONDAY.plusDays(6),
        (done, total, day, result) -> progress.add(done + "/" + total + " " + day + " " + result.outcome()));
    closeFeed(feeds.get(0));

    // then it skips what was done, fetches the rest, and every listing was requested exactly once
    assertThat(resumed.pages(PageOutcome.SKIPPED)).isEqualTo(3);
    assertThat(resumed.pages(PageOutcome.PRODUCED)).isEqualTo(4);
    assertThat(progress).hasSize(7).first().isEqualTo("1/7 2026-03-02 SKIPPED");
    for (int i = 0; i < 7; i++) {
      assertThat(site.count(InventedPages.apiPath(MONDAY.plusDays(i)))).as("requests of day %d", i).isEqualTo(1);
    }
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void contentThatChangesBetweenPollsIsProducedOnceAndUnchangedContentNever() {
    // given today's listing, filling in, and yesterday's
    LocalDate today = LocalDate.parse("2026-03-09");
    clock.set(Instant.parse("2026-03-09T08:00:00Z"));
    List<RawEntry> expected = new ArrayList<>(serveDay(today, 2, 1));
    expected.addAll(serveDay(today.minusDays(1), 1, 1));
    DailyFeed feed = feed(s -> s.with(FeedSettings.LOOK_BACK_DAYS_KEY, "1"));

    // when the schedule polls, polls again unchanged, the list grows, and it polls twice more
    FeedSummary first = feed.pollOnce();
    FeedSummary unchanged = feed.pollOnce();
    clock.advance(Duration.ofHours(1));
    expected.addAll(serveDay(today, 4, 2));
    FeedSummary grown = feed.pollOnce();
    // a server that ignores our validators and sends the same content again
    site.fault(InventedPages.apiPath(today), (exchange, s) -> FakeDigestSite.send(exchange, 200, "application/json",
        InventedPages.apiDay(today, 4, 2).getBytes(UTF_8)));
    FeedSummary sameContent = feed.pollOnce();
    closeFeed(feed);

    // then each version of the page is produced once; a 304 or an identical body produces nothing
    assertThat(first.pages(PageOutcome.PRODUCED)).isEqualTo(2);
    assertThat(unchanged.pages(PageOutcome.NOT_MODIFIED)).isEqualTo(2);
    assertThat(grown.pages(PageOutcome.PRODUCED)).isEqualTo(1);
    assertThat(grown.entries()).isEqualTo(4);
    assertThat(sameContent.pages(PageOutcome.UNCHANGED)).isEqualTo(1);
    assertThat(sameContent.entries()).isZero();
    assertEachOnce(producedEntries(), expected);
    assertThat(site.requests(InventedPages.apiPath(today)).get(1).ifNoneMatch()).isNotNull();
  }

  @Test
  void htmlListingsAndSearchPagesAreFollowedToo() throws IOException {
    // given the HTML form of today's listing and a configured search
    LocalDate today = LocalDate.parse("2026-03-20");
    byte[] listing = Files.readAllBytes(Fixtures.own("split").resolve("html/island-double-quoted.html"));
    byte[] search = Files.readAllBytes(Fixtures.own("split").resolve("html/search-island.html"));
    site.serve("/papers/date/" + today, "text/html; charset=utf-8", listing);
    site.serve("/papers?q=tidal+lattices", "text/html; charset=utf-8", search);
    DailyFeed feed = feed(s -> s.with(FeedSettings.SOURCE_KEY, "html")
        .with(FeedSettings.LOOK_BACK_DAYS_KEY, "0")
        .with(FeedSettings.SEARCHES_KEY, "tidal lattices"));

    // when one cycle runs
    FeedSummary cycle = feed.pollOnce();
    closeFeed(feed);

    // then both pages are split and produced
    List<RawEntry> expected = new ArrayList<>(split("/papers/date/" + today, "text/html; charset=utf-8", listing, today));
    expected.addAll(split("/papers?q=tidal+lattices", "text/html; charset=utf-8", search, null));
    assertThat(expected).isNotEmpty();
    assertThat(cycle.pages(PageOutcome.PRODUCED)).isEqualTo(2);
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void theContinuousScheduleRunsUntilClosedAndStopsCleanly() throws Exception {
    // given the schedule running in the background (interval 1 h, really waited for)
    LocalDate today = LocalDate.parse("2026-03-20");
    List<RawEntry> expected = new ArrayList<>();
    for (int back = 0; back <= 3; back++) {
      expected.addAll(serveDay(today.minusDays(back), 1, 1));
    }
    DailyFeed feed = feed();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread runner = new Thread(() -> {
      try {
        feed.runContinuously();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "feed-under-test");
    runner.start();

    // when its first cycle is done and it is closed, as a shutdown hook would
    await().atMost(Duration.ofSeconds(30)).until(() -> feed.metrics().cycles() >= 1);
    closeFeed(feed);

    // then it stops at once, without error, having produced today and the look-back days
    runner.join(Duration.ofSeconds(10).toMillis());
    assertThat(runner.isAlive()).isFalse();
    assertThat(failure.get()).isNull();
    assertThat(feed.metrics().pages(PageOutcome.PRODUCED)).isEqualTo(4);
    assertEachOnce(producedEntries(), expected);
  }

  @Test
  void realApiPagesBackfillOnceEach() throws IOException {
    // given the real /api/daily_papers responses, served by date; days without a file are empty
    Path daily = Fixtures.sharedOrSkip().resolve("hf-api/daily");
    List<Path> files;
    try (Stream<Path> listed = Files.list(daily)) {
      files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    LocalDate from = LocalDate.parse(files.get(0).getFileName().toString().replace(".json", ""));
    LocalDate to = LocalDate.parse(files.get(files.size() - 1).getFileName().toString().replace(".json", ""));
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      site.serveJson(InventedPages.apiPath(day), "[]");
    }
    List<RawEntry> expected = new ArrayList<>();
    for (Path file : files) {
      LocalDate day = LocalDate.parse(file.getFileName().toString().replace(".json", ""));
      byte[] body = Files.readAllBytes(file);
      site.serve(InventedPages.apiPath(day), "application/json; charset=utf-8", body);
      expected.addAll(split(InventedPages.apiPath(day), "application/json; charset=utf-8", body, day));
    }

    // when the whole range is backfilled, and then again
    FeedSummary first = feed().backfill(from, to, BackfillProgress.NONE);
    closeFeed(feeds.get(0));
    int requests = site.requests().size();
    FeedSummary second = feed().backfill(from, to, BackfillProgress.NONE);
    closeFeed(feeds.get(0));

    // then every real entry arrived once, and the second run fetched nothing
    assertThat(first.failed()).isZero();
    assertThat(first.entries()).isEqualTo(expected.size()).isEqualTo(692);
    assertThat(second.entries()).isZero();
    assertThat(site.requests()).hasSize(requests);
    assertEachOnce(producedEntries(), expected);
    Map<String, FetchLogEntry> log = fetchLog();
    assertThat(log).hasSize(requests);
    assertThat(log.values()).allSatisfy(e -> assertThat(e.getConsecutiveFailures()).isZero());
  }
}
