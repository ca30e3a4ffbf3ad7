package io.paperstream.ingest.feed;

import io.paperstream.config.Durations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.config.Settings;
import io.paperstream.ingest.source.HttpPageFetcher;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {

  @Test
  void defaultsFollowTheRealSitePolitely() {
    FeedSettings settings = FeedSettings.from(Settings.defaults());

    assertThat(settings.baseUrl()).isEqualTo(URI.create("https://huggingface.co"));
    assertThat(settings.form()).isEqualTo(ListingForm.API);
    assertThat(settings.searches()).isEmpty();
    assertThat(settings.lookBackDays()).isEqualTo(3);
    assertThat(settings.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.unreachableLimit()).isEqualTo(3);
    FetchPolicy fetch = settings.fetch();
    assertThat(fetch.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(fetch.retries()).isEqualTo(4);
    assertThat(fetch.retryBase()).isEqualTo(Duration.ofSeconds(1));
    assertThat(fetch.retryCap()).isEqualTo(Duration.ofSeconds(60));
    assertThat(fetch.requestsPerSecondPerHost()).isEqualTo(1.0);
    assertThat(fetch.maxBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(fetch.allowedHosts()).containsExactly("huggingface.co");
    assertThat(fetch.userAgent()).isEqualTo(HttpPageFetcher.USER_AGENT);
  }

  @Test
  void everyKeyCanBeSetAndTheEnvironmentBeatsTheDefault() {
    Settings settings = Settings.load(null, Map.of(
        "PAPERSTREAM_FEED_BASE_URL", "http://mirror.example:8080/",
        "PAPERSTREAM_FEED_SOURCE", "html",
        "PAPERSTREAM_FEED_SEARCHES", "tidal lattices, quiet gradients ,",
        "PAPERSTREAM_FEED_LOOK_BACK_DAYS", "5",
        "PAPERSTREAM_FEED_INTERVAL", "30m",
        "PAPERSTREAM_FETCH_TIMEOUT", "PT10S",
        "PAPERSTREAM_FETCH_MAX_REQUESTS_PER_SECOND_PER_HOST", "0.5",
        "PAPERSTREAM_FETCH_ALLOWED_HOSTS", "mirror.example, CDN.example"));

    FeedSettings feed = FeedSettings.from(settings);

    assertThat(feed.form().listing(feed.baseUrl(), LocalDate.parse("2026-03-02")))
        .hasToString("http://mirror.example:8080/papers/date/2026-03-02");
    assertThat(ListingForm.API.listing(feed.baseUrl(), LocalDate.parse("2026-03-02")))
        .hasToString("http://mirror.example:8080/api/daily_papers?date=2026-03-02");
    assertThat(feed.searches()).containsExactly("tidal lattices", "quiet gradients");
    assertThat(feed.search("tidal lattices")).hasToString("http://mirror.example:8080/papers?q=tidal+lattices");
    assertThat(feed.lookBackDays()).isEqualTo(5);
    assertThat(feed.interval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(feed.fetch().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(feed.fetch().requestsPerSecondPerHost()).isEqualTo(0.5);
    assertThat(feed.fetch().allowedHosts()).containsExactlyInAnyOrder("mirror.example", "cdn.example");
  }

  @Test
  void badValuesAreClearErrors() {
    assertThatThrownBy(() -> FeedSettings.from(Settings.defaults().with(FeedSettings.SOURCE_KEY, "rss")))
        .hasMessageContaining("feed.source must be api or html");
    assertThatThrownBy(() -> FeedSettings.from(Settings.defaults().with(FeedSettings.BASE_URL_KEY, "ftp://x")))
        .hasMessageContaining("feed.base-url must be an http(s) URL");
    assertThatThrownBy(() -> FeedSettings.from(Settings.defaults().with(FeedSettings.INTERVAL_KEY, "often")))
        .hasMessageContaining("not a duration: 'often'");
    assertThatThrownBy(() -> FeedSettings.from(Settings.defaults().with(FeedSettings.RATE_KEY, "0")))
        .hasMessageContaining("must be a positive number");
    assertThatThrownBy(() -> FeedSettings.from(Settings.defaults().with(FeedSettings.UNREACHABLE_LIMIT_KEY, "0")))
        .hasMessageContaining("feed.unreachable-limit must be at least 1");
  }

  @Test
  void durationsAreIsoOrShort() {
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.parse("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("pt1h")).isEqualTo(Duration.ofHours(1));
  }
}
