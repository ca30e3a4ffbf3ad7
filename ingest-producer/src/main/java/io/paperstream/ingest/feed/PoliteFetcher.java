package io.paperstream.ingest.feed;

import io.paperstream.config.Durations;
import io.paperstream.console.Counted;
import io.paperstream.ingest.source.NextPageLink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one page the way a good citizen of someone else's site should: only from allowed
 * hosts, at a limited rate per host, with a User-Agent that names the project, conditional GETs,
 * a time limit and a size cap on every answer, and retries with exponential back-off and full
 * jitter that honour the server's {@code Retry-After}.
 *
 * <p>Redirects are followed by hand (the client follows none) so that every hop is checked
 * against the allowed hosts and counted against the rate limit.
 */
public final class PoliteFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

  private final FetchPolicy policy;
  private final Clock clock;
  private final Pause pause;
  private final DoubleSupplier jitter;
  private final PerHostRateLimiter rateLimiter;
  private final HttpClient client;

  /**
   * @param jitter uniform in [0, 1): the random fraction of each back-off step (full jitter)
   */
  public PoliteFetcher(FetchPolicy policy, Clock clock, Pause pause, DoubleSupplier jitter) {
    this.policy = policy;
    this.clock = clock;
    this.pause = pause;
    this.jitter = jitter;
    this.rateLimiter = new PerHostRateLimiter(policy.requestsPerSecondPerHost(), clock, pause);
    this.client = HttpClient.newBuilder()
        .connectTimeout(policy.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        // the sites we read speak HTTP/1.1 fine; no h2c upgrade dance on plain http
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** The validators of what we have: sent as If-None-Match / If-Modified-Since; null for none. */
  public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
  }

  public FetchResult fetch(URI uri, Validators validators) {
    FetchAttempt last = null;
    for (int attempt = 0; attempt <= policy.retries(); attempt++) {
      if (attempt > 0) {
        Duration wait = backoff(attempt, last.retryAfter);
        if (last.retryAfter != null && last.retryAfter.compareTo(policy.retryCap()) > 0) {
          // The server wants a long rest: give it, and let a later cycle try again.
          return last.failed(uri, clock.instant().plus(last.retryAfter));
        }
        LOG.debug("{}: {}; attempt {} of {} in {}", uri, last.reason, attempt + 1, policy.retries() + 1,
            Durations.describe(wait));
        if (!pause.sleep(wait)) {
          return new FetchResult.Failed(uri, last.status, "stopped while retrying: " + last.reason, null);
        }
      }
      last = attemptOnce(uri, validators);
      if (last.result != null) {
        return last.result;
      }
      if (!last.retryable) {
        return last.failed(uri, null);
      }
    }
    int attempts = policy.retries() + 1;
    String reason = last.reason + " (" + Counted.of(attempts, "attempt") + ")";
    Instant notBefore = last.retryAfter == null ? null : clock.instant().plus(last.retryAfter);
    return new FetchResult.Failed(uri, last.status, reason, notBefore, last.unreachable);
  }

  /** Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))], or the server's Retry-After. */
  private Duration backoff(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter;
    }
    long base = policy.retryBase().toMillis();
    long ceiling = Math.min(policy.retryCap().toMillis(), base << Math.min(attempt - 1, 30));
    return Duration.ofMillis((long) (jitter.getAsDouble() * ceiling));
  }

  /** One attempt: the request and any same-host redirects it leads to. */
  private FetchAttempt attemptOnce(URI start, Validators validators) {
    URI uri = start;
    for (int hop = 0; hop <= FetchPolicy.MAX_REDIRECTS; hop++) {
      if (!isHttp(uri) || !policy.allows(uri.getHost())) {
        String why = hop == 0
            ? "host " + uri.getHost() + " is not in fetch.allowed-hosts " + policy.allowedHosts()
            : "redirect from " + start + " to " + uri + " refused: host " + uri.getHost()
                + " is not in fetch.allowed-hosts " + policy.allowedHosts();
        return FetchAttempt.fatal(0, why);
      }
      if (!rateLimiter.acquire(uri.getHost())) {
        return FetchAttempt.fatal(0, "stopped before fetching");
      }
      Exchange exchange = exchange(uri, validators);
      if (exchange.failure != null) {
        return exchange.failure;
      }
      HttpResponse<byte[]> response = exchange.response;
      int status = response.statusCode();
      HttpHeaders headers = response.headers();
      URI next = NextPageLink.of(headers, uri).orElse(null);
      if (status == 200) {
        return FetchAttempt.done(new FetchResult.Modified(start, response.body(),
            headers.firstValue("Content-Type").orElse(null),
            headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null), next));
      }
      if (status == 304) {
        return FetchAttempt.done(new FetchResult.NotModified(start,
            headers.firstValue("ETag").orElse(validators.etag()),
            headers.firstValue("Last-Modified").orElse(validators.lastModified()), next));
      }
      if (isRedirect(status)) {
        Optional<String> location = headers.firstValue("Location");
        if (location.isEmpty()) {
          return FetchAttempt.fatal(status, "HTTP " + status + " redirect without a Location from " + uri);
        }
        try {
          uri = uri.resolve(location.get().strip());
        } catch (IllegalArgumentException e) {
          return FetchAttempt.fatal(status,
              "HTTP " + status + " redirect to an invalid Location '" + location.get() + "'");
        }
        continue;
      }
      if (status == 429 || status == 503) {
        Duration retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock.instant())
            .orElse(null);
        return FetchAttempt.retry(status, "HTTP " + status + " from " + uri
            + (retryAfter != null ? " (Retry-After " + Durations.describe(retryAfter) + ")" : ""), retryAfter);
      }
      if (status >= 500 || status == 408) {
        return FetchAttempt.retry(status, "HTTP " + status + " from " + uri, null);
      }
      return FetchAttempt.fatal(status, "HTTP " + status + " from " + uri);
    }
    return FetchAttempt.fatal(0, "more than " + FetchPolicy.MAX_REDIRECTS + " redirects from " + start);
  }

  private Exchange exchange(URI uri, Validators validators) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(policy.timeout())
        .header("User-Agent", policy.userAgent())
        .header("Accept", "application/json, text/html;q=0.9, text/plain;q=0.8, */*;q=0.1")
        .GET();
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request.build(), CappedBodySubscriber.handler(policy.maxBytes()));
    try {
      // the request's own timeout ends when the headers arrive; this one also bounds the body
      return new Exchange(pending.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS), null);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new Exchange(null, FetchAttempt.retry(0, "no complete answer from " + uri + " within "
          + Durations.describe(policy.timeout()), null));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new Exchange(null, FetchAttempt.fatal(0, "interrupted while fetching " + uri));
    } catch (ExecutionException e) {
      return new Exchange(null, FetchAttempt.failedWith(uri, e.getCause()));
    }
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private record Exchange(HttpResponse<byte[]> response, FetchAttempt failure) {}
}
