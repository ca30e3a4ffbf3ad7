package io.paperstream.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher alone, against the fake site: no Kafka. */
class PoliteFetcherTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-03");
  private static final String PATH = InventedPages.apiPath(DAY);

  private FakeDigestSite site;
  private MutableClock clock;
  private RecordingPause pause;
  private byte[] page;

  @BeforeEach
  void startSite() throws Exception {
    site = new FakeDigestSite();
    clock = new MutableClock(Instant.parse("2026-03-20T10:00:00Z"));
    pause = new RecordingPause(clock);
    page = InventedPages.apiDay(DAY, 3, 1).getBytes(UTF_8);
    site.serve(PATH, "application/json", page);
  }

  @AfterEach
  void stopSite() {
    site.close();
  }

  private FetchPolicy policy() {
    return new FetchPolicy(Duration.ofSeconds(5), 4, Duration.ofSeconds(1), Duration.ofSeconds(60), 1000, 1 << 20,
        Set.of(site.host()), "paperstream-test/1");
  }

  private FetchResult fetch(UnaryOperator<FetchPolicy> tweak, double jitter) {
    return new PoliteFetcher(tweak.apply(policy()), clock, pause, () -> jitter)
        .fetch(URI.create(site.baseUrl() + PATH), PoliteFetcher.Validators.NONE);
  }

  @Test
  void aPageComesWithItsValidatorsAndTheProjectsUserAgent() {
    FetchResult result = fetch(p -> p, 1.0);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Modified.class, m -> {
      assertThat(m.body()).isEqualTo(page);
      assertThat(m.etag()).isNotBlank();
      assertThat(m.contentType()).isEqualTo("application/json");
    });
    assertThat(site.requests()).singleElement().satisfies(r -> assertThat(r.userAgent()).isEqualTo("paperstream-test/1"));
  }

  @Test
  void aConditionalRequestForUnchangedContentIsNotModified() {
    // given the validators of a first fetch
    FetchResult.Modified first = (FetchResult.Modified) fetch(p -> p, 1.0);

    // when the page is asked for again with them
    FetchResult second = new PoliteFetcher(policy(), clock, pause, () -> 1.0)
        .fetch(URI.create(site.baseUrl() + PATH), new PoliteFetcher.Validators(first.etag(), null));

    // then the server answered 304 and no body travelled
    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    assertThat(site.requests().get(1).ifNoneMatch()).isEqualTo(first.etag());
  }

  @Test
  void backoffIsExponentialWithFullJitterAndCapped() {
    // given a page that fails on every attempt, and a jitter of one half
    for (int i = 0; i < 8; i++) {
      site.fault(PATH, FakeDigestSite.status(503));
    }

    // when it is fetched with 7 retries and a 10 s cap
    FetchResult result = fetch(p -> new FetchPolicy(p.timeout(), 7, p.retryBase(), Duration.ofSeconds(10),
        p.requestsPerSecondPerHost(), p.maxBytes(), p.allowedHosts(), p.userAgent()), 0.5);

    // then each wait is half of min(cap, 1 s * 2^n), and the failure names the attempts
    assertThat(pause.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.status()).isEqualTo(503);
      assertThat(f.reason()).contains("HTTP 503").contains("8 attempts");
    });
  }

  @Test
  void aClientErrorIsNotRetried() {
    site.fault(PATH, FakeDigestSite.status(404));

    FetchResult result = fetch(p -> p, 1.0);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.status()).isEqualTo(404));
    assertThat(site.count(PATH)).isEqualTo(1);
    assertThat(pause.waits()).isEmpty();
  }

  @Test
  void aSiteThatRefusesConnectionsIsRetriedThenReportedUnreachable() {
    // given a site whose port no longer accepts connections
    site.close();

    // when a page is fetched
    FetchResult result = fetch(p -> p, 1.0);

    // then every attempt was made, and the failure says the site could not be reached at all
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.unreachable()).isTrue();
      assertThat(f.status()).isZero();
      assertThat(f.reason()).isEqualTo("cannot connect to 127.0.0.1: connection refused (5 attempts)");
    });
    assertThat(pause.waits()).hasSize(4);
  }

  @Test
  void whyNoConnectionCouldBeMadeIsReadFromBeneathTheClientsConnectException() {
    // given the failures the JDK's client reports when no connection can be made, and two others
    java.net.ConnectException refused = new java.net.ConnectException();
    refused.initCause(new java.nio.channels.ClosedChannelException());
    java.net.ConnectException unresolved = new java.net.ConnectException();
    unresolved.initCause(new java.nio.channels.UnresolvedAddressException());

    // then each is told apart, and a failure with an answer is not an unreachable site
    assertThat(FetchAttempt.whyUnreachable(new java.util.concurrent.ExecutionException(refused)))
        .isEqualTo("connection refused");
    assertThat(FetchAttempt.whyUnreachable(unresolved)).contains("does not resolve");
    assertThat(FetchAttempt.whyUnreachable(new java.net.http.HttpConnectTimeoutException("connect timed out")))
        .isEqualTo("no connection within the timeout");
    assertThat(FetchAttempt.whyUnreachable(new java.net.NoRouteToHostException())).isEqualTo("no route to the host");
    assertThat(FetchAttempt.whyUnreachable(new java.io.IOException("connection reset"))).isNull();
    assertThat(FetchAttempt.whyUnreachable(new java.net.http.HttpTimeoutException("request timed out"))).isNull();
  }

  @Test
  void aTruncatedBodyIsAnErrorNotAPage() {
    site.fault(PATH, FakeDigestSite.truncated(page));

    FetchResult result = fetch(p -> p.withRetries(0), 1.0);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
        // which side notices the closed connection first is a race; either way it is a truncation
        f -> assertThat(f.reason()).contains("truncated answer"));
  }

  @Test
  void aBodyThatStallsIsAbandonedAtTheTimeout() {
    // given headers that come at once and a body that stops after ten bytes
    site.fault(PATH, FakeDigestSite.stalledBody(page));

    // when it is fetched with a 300 ms timeout and no retry
    long started = System.nanoTime();
    FetchResult result = fetch(p -> p.withRetries(0).withTimeout(Duration.ofMillis(300)), 1.0);

    // then the timeout covered the body too
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
        f -> assertThat(f.reason()).contains("within 300 ms"));
  }

  @Test
  void aPageWithoutContentLengthIsStillCappedWhileItStreams() {
    // given a body sent chunked (no Content-Length) larger than the cap
    site.fault(PATH, (exchange, s) -> {
      exchange.sendResponseHeaders(200, 0);
      try (var out = exchange.getResponseBody()) {
        for (int i = 0; i < 64; i++) {
          out.write(new byte[1024]);
        }
      } catch (java.io.IOException expected) {
        // the client hung up once it had enough
      }
    });

    FetchResult result = fetch(p -> p.withMaxBytes(8 * 1024), 1.0);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
        f -> assertThat(f.reason()).startsWith("page larger than the 8192-byte limit"));
    assertThat(site.count(PATH)).isEqualTo(1);
  }

  @Test
  void redirectsAreFollowedOnTheSameHostOnlyAndNotForever() {
    for (int i = 0; i < 6; i++) {
      site.fault(PATH, FakeDigestSite.redirect(302, PATH));
    }

    FetchResult result = fetch(p -> p.withRetries(0), 1.0);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
        f -> assertThat(f.reason()).startsWith("more than 5 redirects"));
    assertThat(site.count(PATH)).isEqualTo(6);
  }

  @Test
  void aHostThatIsNotAllowedIsNeverContacted() {
    FetchResult result = new PoliteFetcher(policy(), clock, pause, () -> 1.0)
        .fetch(URI.create("http://localhost:" + site.baseUrl().getPort() + PATH), PoliteFetcher.Validators.NONE);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
        f -> assertThat(f.reason()).contains("host localhost is not in fetch.allowed-hosts"));
    assertThat(site.requests()).isEmpty();
  }

  @Test
  void requestsToOneHostAreSpacedByTheRateLimit() {
    // given a limit of 2 requests per second
    PoliteFetcher fetcher = new PoliteFetcher(policy().withRequestsPerSecondPerHost(2), clock, pause, () -> 1.0);

    // when three pages are fetched back to back (the test clock stands still between them)
    for (int i = 0; i < 3; i++) {
      fetcher.fetch(URI.create(site.baseUrl() + PATH), PoliteFetcher.Validators.NONE);
    }

    // then the second and third waited for their slots
    assertThat(pause.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    Instant now = Instant.parse("2026-03-20T10:00:00Z");
    assertThat(RetryAfter.parse("120", now)).contains(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse("Fri, 20 Mar 2026 10:01:30 GMT", now)).contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Fri, 20 Mar 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.parse(null, now)).isEmpty();
  }
}
