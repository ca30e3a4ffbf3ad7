package io.paperstream.ingest.feed;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How one page is fetched: time limits, retries, the per-host rate, the size cap and the hosts
 * that may be contacted at all.
 *
 * @param timeout limit for one request, from connecting to the last body byte
 * @param retries further attempts after a failed one, within the same fetch
 * @param retryBase first back-off step (exponential, full jitter)
 * @param retryCap longest back-off step; a {@code Retry-After} longer than this is not waited
 *     for within the fetch but recorded as the page's next attempt time
 * @param requestsPerSecondPerHost at most this many requests to one host per second
 * @param maxBytes larger bodies are refused
 * @param allowedHosts the only hosts contacted (lower case); redirects elsewhere are refused
 * @param userAgent names the project, so that the site's operators know who asks
 */
public record FetchPolicy(Duration timeout, int retries, Duration retryBase, Duration retryCap,
    double requestsPerSecondPerHost, long maxBytes, Set<String> allowedHosts, String userAgent) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_RETRIES = 4;
  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_CAP = Duration.ofSeconds(60);
  public static final double DEFAULT_REQUESTS_PER_SECOND = 1.0;
  public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
  public static final int MAX_REDIRECTS = 5;

  public FetchPolicy {
    allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    if (retries < 0) {
      throw new IllegalArgumentException("fetch.retries must not be negative");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("fetch.max-bytes must be positive");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("fetch.timeout must be positive");
    }
  }

  public boolean allows(String host) {
    return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
  }

  public FetchPolicy withTimeout(Duration value) {
    return new FetchPolicy(value, retries, retryBase, retryCap, requestsPerSecondPerHost, maxBytes, allowedHosts, userAgent);
  }

  public FetchPolicy withMaxBytes(long value) {
    return new FetchPolicy(timeout, retries, retryBase, retryCap, requestsPerSecondPerHost, value, allowedHosts, userAgent);
  }

  public FetchPolicy withRetries(int value) {
    return new FetchPolicy(timeout, value, retryBase, retryCap, requestsPerSecondPerHost, maxBytes, allowedHosts, userAgent);
  }

  public FetchPolicy withRequestsPerSecondPerHost(double value) {
    return new FetchPolicy(timeout, retries, retryBase, retryCap, value, maxBytes, allowedHosts, userAgent);
  }
}
