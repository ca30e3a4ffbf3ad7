package io.paperstream.ingest.feed;

import io.paperstream.config.Durations;
import io.paperstream.config.Settings;
import io.paperstream.ingest.source.HttpPageFetcher;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the feed fetches and how politely: the {@code feed.*} and {@code fetch.*} settings.
 *
 * @param baseUrl the site, e.g. {@code https://huggingface.co}
 * @param form which listing form is fetched per day
 * @param searches search queries polled each cycle ({@code /papers?q=...})
 * @param lookBackDays days before today that the continuous schedule re-polls (a day's list keeps changing)
 * @param interval time between cycles of the continuous schedule
 * @param unreachableLimit pages in a row that found the site unreachable before a backfill stops and
 *     a cycle leaves its other pages to the next cycle
 * @param fetch how each page is fetched
 */
public record FeedSettings(URI baseUrl, ListingForm form, List<String> searches, int lookBackDays,
    Duration interval, int unreachableLimit, FetchPolicy fetch) {

  public static final String BASE_URL_KEY = "feed.base-url";
  public static final String SOURCE_KEY = "feed.source";
  public static final String SEARCHES_KEY = "feed.searches";
  public static final String LOOK_BACK_DAYS_KEY = "feed.look-back-days";
  public static final String INTERVAL_KEY = "feed.interval";
  public static final String UNREACHABLE_LIMIT_KEY = "feed.unreachable-limit";
  public static final String TIMEOUT_KEY = "fetch.timeout";
  public static final String RETRIES_KEY = "fetch.retries";
  public static final String RETRY_BASE_KEY = "fetch.retry-base";
  public static final String RETRY_CAP_KEY = "fetch.retry-cap";
  public static final String RATE_KEY = "fetch.max-requests-per-second-per-host";
  public static final String MAX_BYTES_KEY = "fetch.max-bytes";
  public static final String ALLOWED_HOSTS_KEY = "fetch.allowed-hosts";

  public static final String DEFAULT_BASE_URL = "https://huggingface.co";
  public static final int DEFAULT_LOOK_BACK_DAYS = 3;
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
  /**
   * Each unreachable page costs the fetcher's retries (about 8 s by default) before it fails: three
   * in a row outlast a site's restart, and bound an offline 580-day backfill to about 25 s.
   */
  public static final int DEFAULT_UNREACHABLE_LIMIT = 3;

  public FeedSettings {
    searches = List.copyOf(searches);
    if (lookBackDays < 0) {
      throw new IllegalArgumentException("setting " + LOOK_BACK_DAYS_KEY + " must not be negative");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("setting " + INTERVAL_KEY + " must be positive");
    }
    if (unreachableLimit < 1) {
      throw new IllegalArgumentException("setting " + UNREACHABLE_LIMIT_KEY + " must be at least 1");
    }
  }

  public static FeedSettings from(Settings settings) {
    URI base = parseBaseUrl(settings.get(BASE_URL_KEY, DEFAULT_BASE_URL));
    List<String> searches = Arrays.stream(settings.get(SEARCHES_KEY, "").split(","))
        .map(String::strip).filter(q -> !q.isEmpty()).toList();
    Set<String> allowed = Arrays.stream(settings.get(ALLOWED_HOSTS_KEY, base.getHost()).split(","))
        .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    FetchPolicy fetch = new FetchPolicy(
        Durations.parse(settings.get(TIMEOUT_KEY, FetchPolicy.DEFAULT_TIMEOUT.toString())),
        settings.getInt(RETRIES_KEY, FetchPolicy.DEFAULT_RETRIES),
        Durations.parse(settings.get(RETRY_BASE_KEY, FetchPolicy.DEFAULT_RETRY_BASE.toString())),
        Durations.parse(settings.get(RETRY_CAP_KEY, FetchPolicy.DEFAULT_RETRY_CAP.toString())),
        parseRate(settings.get(RATE_KEY, String.valueOf(FetchPolicy.DEFAULT_REQUESTS_PER_SECOND))),
        parseLong(MAX_BYTES_KEY, settings.get(MAX_BYTES_KEY, String.valueOf(FetchPolicy.DEFAULT_MAX_BYTES))),
        allowed,
        HttpPageFetcher.USER_AGENT);
    return new FeedSettings(base,
        ListingForm.parse(settings.get(SOURCE_KEY, "api")),
        searches,
        settings.getInt(LOOK_BACK_DAYS_KEY, DEFAULT_LOOK_BACK_DAYS),
        Durations.parse(settings.get(INTERVAL_KEY, DEFAULT_INTERVAL.toString())),
        settings.getInt(UNREACHABLE_LIMIT_KEY, DEFAULT_UNREACHABLE_LIMIT),
        fetch);
  }

  /** The search page of one query. */
  public URI search(String query) {
    return URI.create(withoutTrailingSlash(baseUrl.toString()) + "/papers?q="
        + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static URI parseBaseUrl(String text) {
    URI uri;
    try {
      uri = URI.create(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("setting " + BASE_URL_KEY + " is not a URL: '" + text + "'", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("setting " + BASE_URL_KEY + " must be an http(s) URL with a host, not '"
          + text + "'");
    }
    return uri;
  }

  private static double parseRate(String text) {
    try {
      double rate = Double.parseDouble(text.strip());
      if (!(rate > 0)) {
        throw new NumberFormatException("not positive");
      }
      return rate;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + RATE_KEY + " must be a positive number, not '" + text + "'", e);
    }
  }

  private static long parseLong(String key, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be a whole number, not '" + text + "'", e);
    }
  }
}
