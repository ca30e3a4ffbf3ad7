package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.config.Settings;
import io.paperstream.schemas.PaperKeys;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTTP API of a running stack with known data: the fixture pages, processed to the end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String PUBLIC_URL = "https://papers.example.org/stream";
  private static final String TIDE_POOL = PaperKeys.provisionalKey(null, "Tide Pool Census by Drone");

  @TempDir static Path stateDir;

  private RunningStack.WithData running;
  private AppStack stack;
  private Map<String, JsonNode> papers;

  @BeforeAll
  void startStackWithFixtureData() throws Exception {
    Settings settings = TestKafka.settings(TestKafka.uniqueSettings("http-api", stateDir))
        .with(HttpSettings.PUBLIC_URL_KEY, PUBLIC_URL);
    running = RunningStack.WithData.start(settings);
    stack = running.stack();
    papers = new HashMap<>();
    for (JsonNode paper : ok("/api/papers?limit=100").path("papers")) {
      papers.put(paper.path("paperId").asText(), paper);
    }
  }

  @AfterAll
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void papersAreListedNewestFirstAndFilteredByCanonicalKeywordAndDates() throws Exception {
    assertThat(papers).containsOnlyKeys("2603.00101", "2603.00102", TIDE_POOL);
    assertThat(ids(ok("/api/papers"))).containsExactly(TIDE_POOL, "2603.00101", "2603.00102");
    // LLMs is counted as large language model: the coral and the kelp paper
    JsonNode llm = ok("/api/papers?keyword=LLMs");
    assertThat(llm.path("canonical").asText()).isEqualTo("large language model");
    assertThat(ids(llm)).containsExactly("2603.00101", "2603.00102");
    assertThat(ids(ok("/api/papers?from=2026-03-15&to=2026-03-19"))).containsExactly("2603.00101");
    assertThat(ids(ok("/api/papers?limit=1"))).containsExactly(TIDE_POOL);
  }

  @Test
  void aPaperIsFoundByIdAndAnUnknownOneIs404() throws Exception {
    JsonNode coral = ok("/api/papers/2603.00101");
    assertThat(coral.path("title").asText()).isEqualTo("Coral Reef Mapping with Large Language Models");
    assertThat(coral.path("sightings").asInt()).isEqualTo(2);
    // the page's one-sentence summary, normalized; null for a paper whose pages gave none
    assertThat(coral.path("aiSummary").asText()).isEqualTo("Language models turn diver survey notes into coral reef maps.");
    assertThat(ok("/api/papers/2603.00102").get("aiSummary").isNull()).isTrue();
    assertThat(ok("/api/papers/" + TIDE_POOL.replace(":", "%3A")).path("title").asText())
        .isEqualTo("Tide Pool Census by Drone");
    HttpResponse<String> missing = RunningStack.get(stack, "/api/papers/2699.99999");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(RunningStack.json(missing).path("error").asText()).contains("2699.99999");
  }

  @Test
  void anArxivIdAsReadersWriteItFindsItsPaper() throws Exception {
    // given the ways an arXiv id is pasted: with a version, with its prefix, as an abs link
    for (String id : List.of("2603.00101v2", "arXiv:2603.00101", "arxiv.org%2Fabs%2F2603.00101v1")) {
      // when / then
      assertThat(ok("/api/papers/" + id).path("paperId").asText()).as(id).isEqualTo("2603.00101");
      assertThat(ok("/api/papers/" + id + "/related").path("paperId").asText()).as(id).isEqualTo("2603.00101");
      JsonNode searched = ok("/api/search?q=" + id).path("results");
      assertThat(searched).as(id).hasSize(1);
      assertThat(searched.get(0).path("paper").path("paperId").asText()).isEqualTo("2603.00101");
    }
  }

  @Test
  void aKeywordSeriesIsCanonicalizedAndHasEveryDay() throws Exception {
    // given the daily counts recomputed from the papers
    Map<LocalDate, Long> expected = new HashMap<>();
    papers.values().stream().filter(p -> RunOnceTest.strings(p.path("keywords")).contains("large language model"))
        .forEach(p -> expected.merge(LocalDate.parse(p.path("publishedDate").asText()), 1L, Long::sum));

    JsonNode series = ok("/api/keywords/LLMs/series?from=2026-03-09&to=2026-03-20");

    assertThat(series.path("canonical").asText()).isEqualTo("large language model");
    assertThat(series.path("days")).hasSize(12);
    series.path("days").forEach(day -> assertThat(day.path("count").asLong())
        .as(day.path("date").asText()).isEqualTo(expected.getOrDefault(LocalDate.parse(day.path("date").asText()), 0L)));
    assertThat(series.path("total").asLong()).isEqualTo(2);
    // the same series by its canonical name, URL-encoded, without dates: first to last day with a count
    JsonNode whole = ok("/api/keywords/large%20language%20model/series");
    assertThat(whole.path("from").asText()).isEqualTo("2026-03-10");
    assertThat(whole.path("to").asText()).isEqualTo("2026-03-18");
    assertThat(whole.path("total").asLong()).isEqualTo(2);
  }

  @Test
  void trendingRanksTheWindowWithTheDocumentedGrowth() throws Exception {
    // given per keyword the papers in the 7 days to March 20 and in the 28 days before
    Map<String, long[]> expected = new HashMap<>();
    for (JsonNode paper : papers.values()) {
      long back = LocalDate.parse("2026-03-20").toEpochDay() - LocalDate.parse(paper.path("publishedDate").asText()).toEpochDay();
      for (String keyword : RunOnceTest.strings(paper.path("keywords"))) {
        long[] sums = expected.computeIfAbsent(keyword, k -> new long[2]);
        sums[back <= 6 ? 0 : 1] += back <= 34 ? 1 : 0;
      }
    }
    expected.values().removeIf(sums -> sums[0] == 0);

    JsonNode trending = ok("/api/trending?date=2026-03-20&days=7&limit=100");

    assertThat(trending.path("date").asText()).isEqualTo("2026-03-20");
    List<String> keywords = new ArrayList<>();
    for (JsonNode row : trending.path("keywords")) {
      String keyword = row.path("keyword").asText();
      keywords.add(keyword);
      long[] sums = expected.get(keyword);
      assertThat(sums).as(keyword).isNotNull();
      assertThat(row.path("count").asLong()).as(keyword).isEqualTo(sums[0]);
      assertThat(row.path("baseline").asLong()).as(keyword).isEqualTo(sums[1]);
      assertThat(row.path("growth").asDouble()).as(keyword).isCloseTo((sums[0] + 1.0) / (sums[1] / 4.0 + 1.0), within(1e-9));
    }
    assertThat(keywords).containsExactlyInAnyOrderElementsOf(expected.keySet());
    // large language model: 1 paper this week (coral), 1 the weeks before (kelp) -> (1+1)/(1/4+1) = 1.6
    JsonNode llm = rows(trending).stream().filter(r -> r.path("keyword").asText().equals("large language model"))
        .findFirst().orElseThrow();
    assertThat(llm.path("growth").asDouble()).isCloseTo(1.6, within(1e-9));
    // ranked by count, then growth
    assertThat(rows(trending)).isSortedAccordingTo(Comparator
        .comparingLong((JsonNode r) -> -r.path("count").asLong())
        .thenComparingDouble(r -> -r.path("growth").asDouble()));
    assertThat(ok("/api/trending?date=2026-03-20&limit=2").path("keywords")).hasSize(2);
    // without a date: the latest date with counts
    assertThat(ok("/api/trending").path("date").asText()).isEqualTo("2026-03-20");
  }

  @Test
  void badParametersAre400WithAClearMessage() throws Exception {
    assertBadRequest("/api/trending?date=2026-13-01", "'date' must be a date YYYY-MM-DD");
    assertBadRequest("/api/trending?days=0", "'days' must be a whole number from 1 to 365");
    assertBadRequest("/api/papers?limit=lots", "'limit' must be a whole number from 1 to 1000");
    assertBadRequest("/api/papers?from=2026-03-20&to=2026-03-01", "from (2026-03-20) is after to (2026-03-01)");
    assertBadRequest("/api/keywords/LLMs/series?from=yesterday", "'from' must be a date");
  }

  @Test
  void healthAndMetricsDescribeTheRunningProcessor() throws Exception {
    JsonNode health = ok("/api/health");
    assertThat(health.path("state").asText()).isEqualTo("RUNNING");
    assertThat(health.path("totalLag").asLong()).isZero();
    assertThat(health.path("lag").has(stack.topics().rawEntries().name())).isTrue();
    assertThat(health.path("instances").get(0).asText()).isEqualTo(stack.applicationServer());

    HttpResponse<String> metrics = RunningStack.get(stack, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("paperstream_entries_in_total").contains("paperstream_fetches_total")
        .contains("paperstream_dead_letters_total{stage=\"process\"}").contains("kafka_stream_");
    // the processor's output as Kafka Streams counts it: at least one record per paper
    assertThat(metric(metrics.body(), "paperstream_entries_out_total")).isGreaterThanOrEqualTo(3.0);
  }

  @Test
  void feedsAreValidAtomAndJsonFeedWithEscapedText() throws Exception {
    HttpResponse<String> atom = RunningStack.get(stack, "/feed.xml");
    assertThat(atom.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
    Document xml = parse(atom.body());
    assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("feed");
    assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
    NodeList entries = xml.getElementsByTagNameNS(ATOM, "entry");
    assertThat(entries.getLength()).isEqualTo(3);
    Map<String, String> summaries = new HashMap<>();
    Map<String, String> contents = new HashMap<>();
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      summaries.put(text(entry, "title"), text(entry, "summary"));
      contents.put(text(entry, "title"), text(entry, "content"));
    }
    // the summary is the page's own sentence; markup in an abstract is text in the HTML content, escaped
    assertThat(summaries.get("Coral Reef Mapping with Large Language Models"))
        .isEqualTo("Language models turn diver survey notes into coral reef maps.");
    assertThat(contents.get("Coral Reef Mapping with Large Language Models"))
        .contains("&lt;b&gt;hand-written&lt;/b&gt; rules &amp;").doesNotContain("<b>");
    assertThat(parse(RunningStack.get(stack, "/feed.xml?keyword=LLMs").body())
        .getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(2);

    HttpResponse<String> jsonFeed = RunningStack.get(stack, "/feed.json?keyword=LLMs");
    JsonNode feed = RunningStack.json(jsonFeed);
    assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.path("items")).hasSize(2);
    assertThat(feed.path("items").get(0).path("url").asText()).isEqualTo("https://huggingface.co/papers/2603.00101");
    assertThat(feed.path("feed_url").asText()).isEqualTo(PUBLIC_URL + "/feed.json?keyword=LLMs");
    assertThat(feed.path("items").get(0).path("content_text").asText()).contains("<b>hand-written</b>");
  }

  @Test
  void theRootPageIsTheDashboardWithItsScriptsServedLocally() throws Exception {
    // given the dashboard page
    HttpResponse<String> page = RunningStack.get(stack, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<canvas id=\"trending-chart\"");

    // then every script and style sheet it names is served by this server (WebJars, no CDN)
    java.util.regex.Matcher assets = java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
    int count = 0;
    while (assets.find()) {
      HttpResponse<String> asset = RunningStack.get(stack, assets.group(1));
      assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
      assertThat(asset.body()).as(assets.group(1)).isNotBlank();
      count++;
    }
    // chart library, dashboard.js, health.js, discovery.js, search.js, style sheet, feed link
    assertThat(count).isEqualTo(7);
    assertThat(page.body()).doesNotContain("http://", "https://");
  }

  private void assertBadRequest(String pathAndQuery, String message) throws Exception {
    RunningStack.assertBadRequest(stack, pathAndQuery, message);
  }

  private JsonNode ok(String pathAndQuery) throws Exception {
    return RunningStack.ok(stack, pathAndQuery);
  }

  private static double metric(String exposition, String name) {
    return exposition.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(
        line -> Double.parseDouble(line.substring(name.length() + 1).strip())).findFirst().orElse(-1);
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("papers").forEach(p -> ids.add(p.path("paperId").asText()));
    return ids;
  }

  private static List<JsonNode> rows(JsonNode trending) {
    List<JsonNode> rows = new ArrayList<>();
    trending.path("keywords").forEach(rows::add);
    return rows;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Element entry, String name) {
    NodeList nodes = entry.getElementsByTagNameNS(ATOM, name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }
}
