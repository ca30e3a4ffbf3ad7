package io.paperstream.ingest.source;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code rel="next"} target of an HTTP {@code Link} header (RFC 8288), as the Hugging Face API
 * paginates a listing: {@code Link: <https://huggingface.co/api/daily_papers?date=…&p=1>; rel="next"}.
 * A day with more papers than one answer holds continues on the page it names.
 */
public final class NextPageLink {

  /** A longer header is not a pagination link worth reading. */
  private static final int MAX_HEADER = 8_192;

  private NextPageLink() {}

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
