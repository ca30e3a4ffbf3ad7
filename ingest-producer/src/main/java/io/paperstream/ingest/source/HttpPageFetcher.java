package io.paperstream.ingest.source;

import io.paperstream.ingest.split.Page;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Fetches one page over HTTP(S) with a timeout, a User-Agent that names the project and a cap on
 * the body size, so that one bad server cannot hang or exhaust the ingest.
 */
public final class HttpPageFetcher {

  public static final String USER_AGENT = "paperstream/0.1 (research digest ingest; +https://github.com/paperstream/paperstream)";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

  private final HttpClient client;
  private final Duration timeout;
  private final int maxBytes;
  private final Clock clock;

  public HttpPageFetcher(Duration timeout, int maxBytes, Clock clock) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  public HttpPageFetcher() {
    this(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, Clock.systemUTC());
  }

  /** A next page is followed only on the host the user named: a link elsewhere is not theirs to fetch. */
  private static boolean sameHost(URI link, URI page) {
    return link.getHost() != null && link.getHost().equalsIgnoreCase(page.getHost())
        && ("http".equalsIgnoreCase(link.getScheme()) || "https".equalsIgnoreCase(link.getScheme()));
  }

  /** Fetches {@code uri}; {@code asOf} null means the fetch date. */
  public FetchOutcome fetch(URI uri, LocalDate asOf) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", USER_AGENT)
        .header("Accept", "application/json, text/html;q=0.9, text/plain;q=0.8, */*;q=0.1")
        .GET()
        .build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          return new FetchOutcome.Failed(uri.toString(), "HTTP " + response.statusCode() + " from " + uri);
        }
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
          return new FetchOutcome.Failed(uri.toString(), "page larger than the " + maxBytes + "-byte limit");
        }
        Instant fetchedAt = clock.instant();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        URI next = NextPageLink.of(response.headers(), response.uri())
            .filter(link -> sameHost(link, response.uri()))
            .orElse(null);
        return new FetchOutcome.Fetched(new Page(uri.toString(), contentType, bytes, fetchedAt,
            asOf != null ? asOf : LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC)), next);
      }
    } catch (HttpTimeoutException e) {
      return new FetchOutcome.Failed(uri.toString(), "no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return new FetchOutcome.Failed(uri.toString(), "cannot fetch: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchOutcome.Failed(uri.toString(), "interrupted while fetching");
    }
  }
}
