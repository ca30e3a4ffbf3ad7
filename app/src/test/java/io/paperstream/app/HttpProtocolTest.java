package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.config.Settings;
import io.paperstream.schemas.PaperKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP side of the API on a running stack with the fixture pages: pages and cursors,
 * conditional requests, methods, security headers, dates out of range, the public URL, the
 * summary for the dashboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpProtocolTest {

  private static final String PUBLIC_URL = "https://papers.example.org/stream";
  private static final String TIDE_POOL = PaperKeys.provisionalKey(null, "Tide Pool Census by Drone");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path stateDir;

  private RunningStack.WithData running;
  private AppStack stack;

  @BeforeAll
  void startStackWithFixtureData() {
    Settings settings = TestKafka.settings(TestKafka.uniqueSettings("http-protocol", stateDir))
        .with(HttpSettings.PUBLIC_URL_KEY, PUBLIC_URL + "/");
    running = RunningStack.WithData.start(settings);
    stack = running.stack();
  }

  @AfterAll
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void papersComeInPagesLinkedByTheirNextCursor() throws Exception {
    // given the three papers, newest first, asked one per page
    List<String> walked = new ArrayList<>();
    String next = walk("/api/papers?limit=1", walked);
    // then the pages hold every paper once, in order, and the last one has no next
    assertThat(walked).containsExactly(TIDE_POOL, "2603.00101", "2603.00102");
    assertThat(next).isNull();

    // and the same with a keyword filter, two per page
    List<String> llm = new ArrayList<>();
    walk("/api/papers?keyword=LLMs&limit=1", llm);
    assertThat(llm).containsExactly("2603.00101", "2603.00102");
    JsonNode firstTwo = ok("/api/papers?limit=2");
    assertThat(firstTwo.path("next").isTextual()).isTrue();
    assertThat(ids(ok("/api/papers?limit=2&cursor=" + firstTwo.path("next").asText()))).containsExactly("2603.00102");
    // a cursor this API never gave is a 400
    assertStatus("/api/papers?cursor=bm9wZQ", 400, "'cursor' must be the 'next' value of an earlier answer");
    assertStatus("/api/papers?cursor=%25%25", 400, "'cursor'");
  }

  @Test
  void anUnchangedAnswerIsA304ForItsETagOrDate() throws Exception {
    // given an answer with its validators
    HttpResponse<String> first = get("/api/papers?limit=5");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

    // when asked again with its ETag, then: 304, no body; with another ETag: 200 with the same ETag
    HttpResponse<String> again = get("/api/papers?limit=5", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<String> other = get("/api/papers?limit=5", "If-None-Match", "\"something-else\"");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("ETag")).hasValue(etag);
    assertThat(get("/api/trending", "If-None-Match", get("/api/trending").headers().firstValue("ETag").orElseThrow())
        .statusCode()).isEqualTo(304);

    // and a feed: Last-Modified is its newest entry's lastSeen; asking since then is a 304
    for (String feed : List.of("/feed.xml", "/feed.json")) {
      HttpResponse<String> answer = get(feed);
      String lastModified = answer.headers().firstValue("Last-Modified").orElseThrow();
      Instant newest = Instant.parse(ok("/api/papers?limit=1").path("papers").get(0).path("lastSeen").asText());
      assertThat(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).as(feed)
          .isBeforeOrEqualTo(newest).isAfter(newest.minusSeconds(1));
      assertThat(get(feed, "If-Modified-Since", lastModified).statusCode()).as(feed).isEqualTo(304);
      assertThat(get(feed, "If-None-Match", answer.headers().firstValue("ETag").orElseThrow()).statusCode()).as(feed)
          .isEqualTo(304);
      assertThat(get(feed, "If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT").statusCode()).as(feed).isEqualTo(200);
    }
  }

  @Test
  void otherMethodsOnKnownPathsAre405WithAllow() throws Exception {
    for (String[] call : new String[][] {{"POST", "/api/papers"}, {"DELETE", "/api/papers/2603.00101"},
        {"PUT", "/feed.xml"}, {"POST", "/api/trending"}, {"PATCH", "/api/summary"}, {"POST", "/"}}) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(call[1]))
          .method(call[0], HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).as(call[0] + " " + call[1]).hasValue("GET, HEAD");
      assertThat(RunningStack.json(response).path("error").asText()).contains(call[0]);
    }
    // HEAD is GET without the body
    HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(uri("/api/papers"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(HTTP.send(HttpRequest.newBuilder(uri("/no/such/path")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  @Test
  void theIndexListsEveryEndpointAndEachOneAnswers() throws Exception {
    // when a reader asks the API what it has
    JsonNode index = ok("/api");
    // then every listed path is answered by a route (a parameter it needs missing is a 400, never a 404)
    List<String> paths = new ArrayList<>();
    index.path("endpoints").forEach(endpoint -> paths.add(endpoint.path("path").asText()));
    assertThat(paths).contains("/api/search", "/api/papers/{id}", "/api/health", "/feed.xml", "/");
    for (String path : paths) {
      String concrete = path.replace("{keyword}", "LLMs").replace("{id}", "2603.00101")
          .replace("{period}", "day").replace("{date}", "2026-03-02");
      assertThat(get(concrete).statusCode()).as(concrete).isIn(200, 400);
    }
  }

  @Test
  void aPathNoRouteAnswersIsAJson404ThatPointsToTheIndex() throws Exception {
    // given paths a reader might guess
    for (String path : List.of("/api/paper/2603.00101", "/api/trends", "/no/such/page.html")) {
      // then each is a 404 in the API's JSON form, naming the path and where the list is
      assertStatus(path, 404, "no endpoint GET " + path + ": GET /api lists them");
    }
    // and an unknown paper on a real route keeps its own message
    assertStatus("/api/papers/2699.99999", 404, "no paper with id '2699.99999'");
  }

  @Test
  void everyAnswerCarriesAStrictContentSecurityPolicy() throws Exception {
    for (String path : List.of("/", "/dashboard.js", "/api/papers", "/feed.xml", "/api/papers/2699.99999")) {
      HttpResponse<String> response = get(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(path).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    }
    // and the dashboard needs nothing the policy forbids: no inline script, style or handler
    String page = get("/").body();
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page).find()).isFalse();
    assertThat(Pattern.compile("\\s(style|on[a-z]+)=", Pattern.CASE_INSENSITIVE).matcher(page).find()).isFalse();
    assertThat(page).doesNotContain("<style");
  }

  @Test
  void datesOutOfRangeAre400NeverA500() throws Exception {
    assertStatus("/api/trending?date=%2B999999999-12-31", 400, "'date' must be a date YYYY-MM-DD from 1000-01-01");
    assertStatus("/api/papers?from=-999999999-01-01", 400, "'from' must be a date");
    assertStatus("/api/keywords/LLMs/series?to=99999-01-01", 400, "'to' must be a date");
    assertStatus("/api/trending?date=0999-12-31", 400, "'date'");
    // the extremes allowed still answer
    assertThat(get("/api/trending?date=9999-12-31&days=365").statusCode()).isEqualTo(200);
    assertThat(get("/api/trending?date=1000-01-01&days=365").statusCode()).isEqualTo(200);
  }

  @Test
  void feedsNameThePublicUrlWhateverHostTheClientSends() throws Exception {
    // when a client sends a forged Host header
    String answer = rawGet("/feed.json?keyword=LLMs", "evil.example");
    // then every URL in the feed is under the configured public URL (or the paper's own page)
    assertThat(answer).doesNotContain("evil.example").contains("\"feed_url\":\"" + PUBLIC_URL + "/feed.json?keyword=LLMs\"")
        .contains("\"home_page_url\":\"" + PUBLIC_URL + "/\"");
    assertThat(rawGet("/feed.xml", "evil.example")).doesNotContain("evil.example").contains(PUBLIC_URL + "/feed.xml");
    // a paper without an arXiv id links to its record under the public URL
    JsonNode tide = RunningStack.json(get("/feed.json")).path("items").get(0);
    assertThat(tide.path("url").asText()).isEqualTo(PUBLIC_URL + "/api/papers/" + TIDE_POOL.replace(":", "%3A"));
    assertThat(get(tide.path("url").asText().substring(PUBLIC_URL.length())).statusCode()).isEqualTo(200);
  }

  @Test
  void theSummaryAndTheCountsPerDayAreExact() throws Exception {
    JsonNode summary = ok("/api/summary");
    assertThat(summary.path("papers").asLong()).isEqualTo(3);
    assertThat(summary.path("defaultDate").asText()).isEqualTo("2026-03-20");
    assertThat(summary.path("state").asText()).isEqualTo("RUNNING");
    assertThat(summary.path("lag").path("waiting").asLong()).isZero();
    assertThat(summary.path("lag").path("internal").asLong()).isZero();
    assertThat(summary.path("entries").path("out").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(summary.path("deadLetters").has("ingest")).isTrue();
    assertThat(summary.path("deadLetters").has("process")).isTrue();
    assertThat(summary.path("feed").isNull()).isTrue();

    JsonNode perDay = ok("/api/papers-per-day");
    assertThat(perDay.path("total").asLong()).isEqualTo(3);
    long sum = 0;
    for (JsonNode day : perDay.path("days")) {
      sum += day.path("count").asLong();
    }
    assertThat(sum).isEqualTo(3);
    assertThat(perDay.path("days").get(0).path("date").asText()).isEqualTo("2026-03-20");
  }

  @Test
  void trendingKeepsKeywordsWithTheMinimumSupport() throws Exception {
    // with one paper per keyword allowed, every keyword of the window; with two, only those of two papers or more
    JsonNode all = ok("/api/trending?date=2026-03-20&days=28&minSupport=1&limit=1000");
    JsonNode supported = ok("/api/trending?date=2026-03-20&days=28&minSupport=2&limit=1000");
    assertThat(all.path("minSupport").asInt()).isEqualTo(1);
    assertThat(supported.path("minSupport").asInt()).isEqualTo(2);
    List<String> expected = new ArrayList<>();
    all.path("keywords").forEach(k -> {
      if (k.path("count").asLong() >= 2) {
        expected.add(k.path("keyword").asText());
      }
    });
    List<String> kept = new ArrayList<>();
    supported.path("keywords").forEach(k -> kept.add(k.path("keyword").asText()));
    assertThat(kept).isNotEmpty().containsExactlyElementsOf(expected);
    assertThat(kept).contains("large language model");
    // without a date nor support: the default date, and support 1 on so small a data set
    JsonNode byDefault = ok("/api/trending");
    assertThat(byDefault.path("date").asText()).isEqualTo("2026-03-20");
    assertThat(byDefault.path("minSupport").asInt()).isEqualTo(1);
    assertStatus("/api/trending?minSupport=0", 400, "'minSupport' must be a whole number from 1");
  }

  @Test
  void anOldStyleArxivIdReachesThePaperRoute() throws Exception {
    assertStatus("/api/papers/hep-th/9901001", 404, "no paper with id 'hep-th/9901001'");
  }

  private String walk(String first, List<String> ids) throws Exception {
    JsonNode page = ok(first);
    ids.addAll(ids(page));
    int pages = 1;
    while (page.path("next").isTextual() && pages++ < 10) {
      page = ok(first + "&cursor=" + page.path("next").asText());
      ids.addAll(ids(page));
    }
    return page.path("next").isNull() ? null : page.path("next").asText();
  }

  // A request written by hand: Java's client does not let a caller set Host.
  private String rawGet(String pathAndQuery, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", stack.httpPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void assertStatus(String pathAndQuery, int status, String message) throws Exception {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(status);
    assertThat(RunningStack.json(response).path("error").asText()).as(pathAndQuery).contains(message)
        .doesNotContain("Exception");
  }

  private JsonNode ok(String pathAndQuery) throws Exception {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
    return RunningStack.json(response);
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + stack.httpPort() + pathAndQuery);
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("papers").forEach(p -> ids.add(p.path("paperId").asText()));
    return ids;
  }
}
