package io.paperstream.ingest.feed;

import io.paperstream.schemas.FetchLogEntry;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which pages the feed polls: a cycle's look-back window, searches and failing pages, and which
 * backfill days are done, both read from the settings and the fetch log.
 */
final class FeedPages {

  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

  private final FeedSettings settings;
  private final FetchLog log;

  FeedPages(FeedSettings settings, FetchLog log) {
    this.settings = settings;
    this.log = log;
  }

  /** The daily listing of {@code day} in the configured form. */
  URI listing(LocalDate day) {
    return settings.form().listing(settings.baseUrl(), day);
  }

  /** A day is done once it was read successfully after its look-back window had closed: its list is final. */
  boolean isDone(URI listing, LocalDate day) {
    Optional<FetchLogEntry> logged = log.get(listing.toString());
    if (logged.isEmpty()) {
      return false;
    }
    FetchLogEntry entry = logged.get();
    if (entry.getConsecutiveFailures() > 0 || entry.getContentFingerprint() == null) {
      return false;
    }
    LocalDate fetchedOn = LocalDate.ofInstant(entry.getFetchedAt(), ZoneOffset.UTC);
    return fetchedOn.isAfter(day.plusDays(settings.lookBackDays()));
  }

  /** The pages of one cycle, in polling order, each with the day it lists (null for a search). */
  Map<URI, LocalDate> cycle(LocalDate today) {
    Map<URI, LocalDate> pages = new LinkedHashMap<>();
    for (int back = settings.lookBackDays(); back >= 0; back--) {
      LocalDate day = today.minusDays(back);
      pages.put(listing(day), day);
    }
    for (String query : settings.searches()) {
      pages.put(settings.search(query), null);
    }
    // pages that failed earlier (e.g. in a backfill) are retried here, when due, so none is forgotten
    String base = FeedSettings.withoutTrailingSlash(settings.baseUrl().toString());
    List<FetchLogEntry> failing = new ArrayList<>(log.entries());
    failing.removeIf(e -> e.getConsecutiveFailures() == 0 || !e.getUrl().startsWith(base));
    failing.sort((a, b) -> a.getUrl().compareTo(b.getUrl()));
    for (FetchLogEntry entry : failing) {
      pages.putIfAbsent(URI.create(entry.getUrl()), dateIn(entry.getUrl()));
    }
    return pages;
  }

  private static LocalDate dateIn(String url) {
    Matcher m = ISO_DATE.matcher(url);
    try {
      return m.find() ? LocalDate.parse(m.group(1)) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
