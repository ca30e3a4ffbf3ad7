package io.paperstream.ingest.source;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code rel="next"} target of an HTTP {@code Link} header (RFC 8288), as the Hugging Face API
 * paginates a listing: {@code Link: <https://huggingface.co/api/daily_papers?date=…&p=1>; rel="next"}.
 * A day with more papers than one answer holds continues on the page it names; {@link #follow}
 * reads such a listing page by page, for the feed and for URL sources alike.
 */
public final class NextPageLink {

  /**
   * Pages of one listing read at most by following its next links: the API answers up to 100
   * papers a page, and a day has tens.
   */
  public static final int MAX_PAGES = 20;
  /** A longer header is not a pagination link worth reading. */
  private static final int MAX_HEADER = 8_192;
  private static final Logger LOG = LoggerFactory.getLogger(NextPageLink.class);

  private NextPageLink() {}

  /**
   * Reads {@code first}, then each page the one before named as next, handing every page to
   * {@code eachPage} as it is read: at most {@link #MAX_PAGES} (a warning names the first left
   * unread), until a page names none or one already read, or until {@code stopping}.
   *
   * @param read reads one page
   * @param nextOf the next page a read page names, or null
   */
  public static <T> void follow(URI first, Function<URI, T> read, Function<T, URI> nextOf, Consumer<T> eachPage,
      BooleanSupplier stopping) {
    Set<URI> seen = new HashSet<>();
    URI page = first;
    while (page != null && seen.add(page)) {
      if (seen.size() > MAX_PAGES) {
        LOG.warn("{}: more than {} pages; the pages from {} on are not read", first, MAX_PAGES, page);
        return;
      }
      T answer = read.apply(page);
      eachPage.accept(answer);
      page = stopping.getAsBoolean() ? null : nextOf.apply(answer);
    }
  }

  /** {@link #of(String, URI)} over every {@code Link} header of an answer. */
  public static Optional<URI> of(HttpHeaders headers, URI page) {
    return of(String.join(", ", headers.allValues("Link")), page);
  }

  /**
   * The next page's address, resolved against the page that carried the header; empty without a
   * header, without a {@code rel="next"} link, or when its target is not a URI.
   */
  public static Optional<URI> of(String header, URI page) {
    if (header == null || header.length() > MAX_HEADER) {
      return Optional.empty();
    }
    int at = 0;
    while (true) {
      int open = header.indexOf('<', at);
      int close = open < 0 ? -1 : header.indexOf('>', open);
      if (close < 0) {
        return Optional.empty();
      }
      int end = header.indexOf('<', close);
      String params = header.substring(close + 1, end < 0 ? header.length() : end).toLowerCase(Locale.ROOT);
      if (isNext(params)) {
        try {
          return Optional.of(page.resolve(header.substring(open + 1, close).strip()));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
      at = close + 1;
    }
  }

  /** Whether a link's parameters ({@code ; rel="next"}, {@code ;rel=next}, {@code rel="prev next"}) name it next. */
  private static boolean isNext(String params) {
    for (String param : params.split(";")) {
      String[] nameValue = param.split("=", 2);
      if (nameValue.length == 2 && nameValue[0].strip().equals("rel")) {
        for (String rel : nameValue[1].replace("\"", " ").replace(",", " ").strip().split("\\s+")) {
          if (rel.equals("next")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
