package io.paperstream.ingest.feed;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;

/** Which form of a day's listing the feed fetches ({@code feed.source}). */
public enum ListingForm {
  /** {@code /api/daily_papers?date=YYYY-MM-DD}: the JSON API, smallest and most complete. */
  API,
  /** {@code /papers/date/YYYY-MM-DD}: the HTML listing page. */
  HTML;

  public URI listing(URI baseUrl, LocalDate day) {
    String base = FeedSettings.withoutTrailingSlash(baseUrl.toString());
    return switch (this) {
      case API -> URI.create(base + "/api/daily_papers?date=" + day);
      case HTML -> URI.create(base + "/papers/date/" + day);
    };
  }

  public static ListingForm parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("setting feed.source must be api or html, not '" + text + "'", e);
    }
  }
}
