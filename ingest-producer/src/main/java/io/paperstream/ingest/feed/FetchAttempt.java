package io.paperstream.ingest.feed;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;

/**
 * How one attempt of {@link PoliteFetcher} ended: a result to return, or a failure, retryable or
 * not, with the one line that says why; and which failures of the JDK's HTTP client mean what
 * (a truncated answer, no answer in time, a site that cannot be reached at all).
 */
final class FetchAttempt {
  final FetchResult result;
  final int status;
  final String reason;
  final boolean retryable;
  final Duration retryAfter;
  final boolean unreachable;

  private FetchAttempt(FetchResult result, int status, String reason, boolean retryable, Duration retryAfter,
      boolean unreachable) {
    this.result = result;
    this.status = status;
    this.reason = reason;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
    this.unreachable = unreachable;
  }

  static FetchAttempt done(FetchResult result) {
    return new FetchAttempt(result, 0, null, false, null, false);
  }

  static FetchAttempt retry(int status, String reason, Duration retryAfter) {
    return new FetchAttempt(null, status, reason, true, retryAfter, false);
  }

  /** No connection could be made: retried (a restart of the site passes), and told apart when it lasts. */
  static FetchAttempt unreachable(String reason) {
    return new FetchAttempt(null, 0, reason, true, null, true);
  }

  static FetchAttempt fatal(int status, String reason) {
    return new FetchAttempt(null, status, reason, false, null, false);
  }

  FetchResult.Failed failed(URI uri, Instant notBefore) {
    return new FetchResult.Failed(uri, status, reason, notBefore, unreachable);
  }

  /** What a failed exchange means: a retry, a page that cannot be had, or a site that cannot be reached. */
  static FetchAttempt failedWith(URI uri, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && !(root instanceof CappedBodySubscriber.TooLargeException)
        && !(root instanceof CappedBodySubscriber.TruncatedException)) {
      root = root.getCause();
    }
    if (root instanceof CappedBodySubscriber.TooLargeException) {
      return fatal(200, root.getMessage());
    }
    if (root instanceof CappedBodySubscriber.TruncatedException) {
      return retry(0, "truncated answer from " + uri + ": " + root.getMessage(), null);
    }
    String unreachable = whyUnreachable(cause);
    if (unreachable != null) {
      return unreachable("cannot connect to " + uri.getHost() + ": " + unreachable);
    }
    if (root instanceof HttpTimeoutException) {
      return retry(0, "no answer from " + uri + " in time: " + root.getMessage(), null);
    }
    if (root instanceof IOException && String.valueOf(root.getMessage()).contains("EOF")) {
      // the client noticed the closed connection before the body subscriber did: same truncation
      return retry(0, "truncated answer from " + uri + ": connection closed before the answer was complete ("
          + describe(root) + ")", null);
    }
    if (root instanceof IOException) {
      // a connection refused or reset: worth another try
      return retry(0, "cannot fetch " + uri + ": " + describe(root), null);
    }
    return retry(0, "cannot fetch " + uri + ": " + describe(cause), null);
  }

  /**
   * Why no connection could be made (refused, no route, a name that does not resolve, connect
   * timeout), or null when the failure is another one. The JDK's client wraps each in a
   * {@link ConnectException} without a message, the cause beneath it telling which.
   */
  static String whyUnreachable(Throwable failure) {
    boolean connect = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "the host name does not resolve (no DNS answer: offline?)";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within the timeout";
      }
      if (t instanceof NoRouteToHostException) {
        return "no route to the host";
      }
      connect |= t instanceof ConnectException;
    }
    return connect ? "connection refused" : null;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
