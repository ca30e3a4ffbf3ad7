package io.paperstream.ingest.feed;

import java.net.URI;
import java.time.Instant;

/** What fetching one page politely gave. */
public sealed interface FetchResult {

  URI uri();

  /**
   * A 200 with its body and the validators to send next time; {@code next} is the page its
   * {@code Link: <…>; rel="next"} header names (the listing continues there), or null.
   */
  record Modified(URI uri, byte[] body, String contentType, String etag, String lastModified, URI next)
      implements FetchResult {}

  /** A 304: the page has not changed since the validators we sent; {@code next} as for {@link Modified}. */
  record NotModified(URI uri, String etag, String lastModified, URI next) implements FetchResult {}

  /**
   * No page, after the retries the failure allowed.
   *
   * @param status the last HTTP status, 0 when there was no answer
   * @param notBefore when the server asked us to come back ({@code Retry-After}), or null
   * @param unreachable no connection to the host could be made at all (refused, no route, unknown
   *     host, connect timeout): the site is down or we are offline, not just this page failing
   */
  record Failed(URI uri, int status, String reason, Instant notBefore, boolean unreachable) implements FetchResult {

    public Failed(URI uri, int status, String reason, Instant notBefore) {
      this(uri, status, reason, notBefore, false);
    }
  }
}
