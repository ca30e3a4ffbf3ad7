package io.paperstream.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.config.Settings;
import io.paperstream.ingest.split.Page;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.FetchLogEntry;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real broker per test class; per test a fresh fake site, fresh topics, a test clock and a pause
 * that records waits instead of spending them.
 */
abstract class FeedOnKafkaTestBase {

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  FakeDigestSite site;
  Topics topics;
  MutableClock clock;
  RecordingPause pause;
  final List<DailyFeed> feeds = new ArrayList<>();

  @BeforeEach
  void freshSiteAndTopics() throws Exception {
    site = new FakeDigestSite();
    topics = freshTopics();
    clock = new MutableClock(Instant.parse("2026-03-20T10:00:00Z"));
    pause = new RecordingPause(clock);
  }

  @AfterEach
  void closeEverything() {
    feeds.forEach(DailyFeed::close);
    site.close();
  }

  /** Settings pointing at the fake site, with a high rate limit so recorded waits are only back-offs. */
  Settings settings() {
    return Settings.defaults()
        .with(FeedSettings.BASE_URL_KEY, site.baseUrl().toString())
        .with(FeedSettings.RATE_KEY, "1000");
  }

  DailyFeed feed() {
    return feed(s -> s);
  }

  DailyFeed feed(UnaryOperator<Settings> tweak) {
    Settings settings = tweak.apply(settings());
    DailyFeed feed = DailyFeed.builder(FeedSettings.from(settings), topics, KAFKA.bootstrapServers())
        .settings(settings.with("topics.partitions", "1"))
        .clock(clock)
        .pause(pause)
        // the top of every back-off range, so waits are predictable
        .jitter(() -> 1.0)
        .build();
    feeds.add(feed);
    return feed;
  }

  /** Closes the feed (flushing its producer), as a stopped process would. */
  void closeFeed(DailyFeed feed) {
    feeds.remove(feed);
    feed.close();
  }

  List<RawEntry> producedEntries() {
    return values(topics.rawEntries());
  }

  List<DeadLetter> producedDeadLetters() {
    return values(topics.rawDeadLetters());
  }

  /** The latest fetch log entry per URL, as a restarted feed would see it. */
  Map<String, FetchLogEntry> fetchLog() {
    Map<String, FetchLogEntry> latest = new HashMap<>();
    TopicContents.readAll(KAFKA.bootstrapServers(), topics.fetchLog()).forEach(r -> latest.put(r.key(), r.value()));
    return latest;
  }

  String url(String pathAndQuery) {
    return site.baseUrl() + pathAndQuery;
  }

  /** Serves an invented API listing for {@code day} and returns what the splitter makes of it. */
  List<RawEntry> serveDay(LocalDate day, int count, int edition) {
    String json = InventedPages.apiDay(day, count, edition);
    site.serveJson(InventedPages.apiPath(day), json);
    return split(InventedPages.apiPath(day), "application/json; charset=utf-8", json.getBytes(UTF_8), day);
  }

  /** What the splitter makes of {@code body} served at {@code pathAndQuery}: the entries the feed must produce. */
  List<RawEntry> split(String pathAndQuery, String contentType, byte[] body, LocalDate asOf) {
    return new PageSplitter().split(new Page(url(pathAndQuery), contentType, body, clock.instant(), asOf)).entries();
  }

  /** Every expected entry arrived exactly once (same source, position and content), and nothing else. */
  static void assertEachOnce(List<RawEntry> produced, List<RawEntry> expected) {
    Map<String, RawEntry> byIdentity = new HashMap<>();
    for (RawEntry entry : produced) {
      RawEntry previous = byIdentity.put(identity(entry), entry);
      assertThat(previous).as("entry %s produced twice", identity(entry)).isNull();
    }
    assertThat(byIdentity.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream().map(FeedOnKafkaTestBase::identity).toList());
    for (RawEntry entry : expected) {
      assertThat(byIdentity.get(identity(entry))).usingRecursiveComparison().ignoringFields("fetchedAt").isEqualTo(entry);
    }
  }

  /** One page version's entry: the page, its content fingerprint and the position on it. */
  static String identity(RawEntry entry) {
    return entry.getSource() + "#" + entry.getPageFingerprint().substring(0, 12) + "#" + entry.getPosition();
  }

  /** Topics no other test uses. */
  static Topics freshTopics() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return Topics.named(logical -> logical + "-" + suffix);
  }

  /** One partition per topic: quicker to create, and nothing here depends on the count. */
  static <V> List<V> values(Topic<String, V> topic) {
    return TopicContents.readAll(KAFKA.bootstrapServers(), topic).stream().map(ConsumerRecord::value).toList();
  }
}
