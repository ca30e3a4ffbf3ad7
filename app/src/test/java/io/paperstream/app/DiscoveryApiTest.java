package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.config.Settings;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related papers, keyword paper counts, emerging keywords and the keyword and author feeds of a
 * running stack over {@link DiscoveryPages}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveryApiTest {

  @TempDir static Path work;

  private RunningStack.WithData running;
  private AppStack stack;

  @BeforeAll
  void startStackWithInventedData() {
    Settings settings = TestKafka.settings(TestKafka.uniqueSettings("discovery-api", work.resolve("state")));
    running = RunningStack.WithData.start(settings, DiscoveryPages.write(work.resolve("pages")).toString());
    stack = running.stack();
  }

  @AfterAll
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void relatedPapersShareASpecificKeywordAndTheClosestComesFirst() throws Exception {
    // when the papers related to the paper with four specific keywords are asked for
    JsonNode answer = ok("/api/papers/" + DiscoveryPages.PAPER + "/related?limit=20");

    // then the paper sharing two specific keywords comes first, then the six sharing one
    List<String> related = relatedIds(answer);
    assertThat(related.get(0)).isEqualTo(DiscoveryPages.CLOSEST);
    assertThat(related.subList(1, related.size())).containsExactlyInAnyOrderElementsOf(DiscoveryPages.SHARING_ONE);
    // and neither the paper itself nor one sharing only the generic keyword is related
    assertThat(related).doesNotContain(DiscoveryPages.PAPER, DiscoveryPages.GENERIC_ONLY);
    // and every related paper shares at least one keyword the answer marks specific
    Set<String> specific = new HashSet<>();
    answer.path("keywords").forEach(k -> {
      if (k.path("specific").asBoolean()) {
        specific.add(k.path("keyword").asText());
      }
    });
    assertThat(specific).containsExactlyInAnyOrderElementsOf(DiscoveryPages.SPECIFIC);
    answer.path("related").forEach(r -> assertThat(strings(r.path("shared"))).as(r.path("paper").path("paperId").asText())
        .containsAnyElementsOf(specific));
    // and the scores are the shared keywords' weights, ln(papers / papers with the keyword), best first
    long papers = answer.path("papers").asLong();
    JsonNode closest = answer.path("related").get(0);
    double expected = 0;
    for (JsonNode keyword : answer.path("keywords")) {
      if (strings(closest.path("shared")).contains(keyword.path("keyword").asText())) {
        expected += Math.log((double) papers / keyword.path("papers").asLong());
      }
    }
    assertThat(closest.path("score").asDouble()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(strings(closest.path("shared"))).containsExactlyInAnyOrder(DiscoveryPages.SPECIFIC.get(0),
        DiscoveryPages.SPECIFIC.get(1), DiscoveryPages.GENERIC);
    // and a limit cuts the list
    assertThat(relatedIds(ok("/api/papers/" + DiscoveryPages.PAPER + "/related?limit=1")))
        .containsExactly(DiscoveryPages.CLOSEST);
  }

  @Test
  void keywordPaperCountsAreCanonicalAndExact() throws Exception {
    JsonNode answer = ok("/api/keyword-papers?keyword=Seagrass%20Carbon%20Ledgers&keyword=ocean%20model");
    assertThat(answer.path("frequencies").path("seagrass carbon ledger").asLong()).isEqualTo(3);
    assertThat(answer.path("frequencies").path(DiscoveryPages.GENERIC).asLong()).isEqualTo(73);
    assertThat(answer.path("papers").asLong()).isEqualTo(ok("/api/papers-per-day").path("total").asLong());
  }

  @Test
  void emergingFindsTheNewTopicOfTheLastWeekAndNothingElse() throws Exception {
    JsonNode answer = ok("/api/emerging?date=" + DiscoveryPages.LAST_DAY);

    assertThat(answer.path("from").asText()).isEqualTo("2026-03-14");
    assertThat(answer.path("baselineFrom").asText()).isEqualTo("2026-01-17");
    assertThat(answer.path("statistic").asText()).contains("Binomial");
    JsonNode keywords = answer.path("keywords");
    assertThat(keywords).hasSize(1);
    assertThat(keywords.get(0).path("keyword").asText()).isEqualTo(DiscoveryPages.NEW_TOPIC);
    assertThat(keywords.get(0).path("kind").asText()).isEqualTo("NEW");
    assertThat(keywords.get(0).path("count").asLong()).isEqualTo(6);
    assertThat(keywords.get(0).path("pValue").asDouble()).isLessThan(0.001);
    // and a month earlier nothing was emerging
    assertThat(ok("/api/emerging?date=2026-02-20").path("keywords")).isEmpty();
    // and without a date, the default date's
    assertThat(ok("/api/emerging").path("date").asText()).isEqualTo(ok("/api/papers-per-day").path("defaultDate").asText());
  }

  @Test
  void anAuthorsFeedsHoldTheirPapersAndAreCachedLikeTheOthers() throws Exception {
    // when an author's Atom feed is read by Rome
    HttpResponse<String> atomResponse = RunningStack.get(stack, "/feed.xml?author=Mira%20Okafor");
    assertThat(atomResponse.statusCode()).isEqualTo(200);
    Feed atom = (Feed) new WireFeedInput().build(new StringReader(atomResponse.body()));

    // then it names itself and holds that author's papers, newest first, each with a link
    assertThat(atom.getTitle()).isEqualTo("paperstream: newest papers by Mira Okafor");
    assertThat(atom.getId()).endsWith("/feed.xml?author=Mira%20Okafor");
    assertThat(atom.getEntries()).extracting(Entry::getId).containsExactly("urn:paperstream:paper:" + DiscoveryPages.CLOSEST,
        "urn:paperstream:paper:" + DiscoveryPages.GENERIC_ONLY, "urn:paperstream:paper:" + DiscoveryPages.PAPER);
    assertThat(atom.getEntries()).allSatisfy(entry -> {
      assertThat(entry.getAlternateLinks()).isNotEmpty();
      assertThat(entry.getAuthors()).extracting(a -> a.getName()).containsExactly(DiscoveryPages.AUTHOR);
    });
    // and it carries the feeds' caching headers, and a 304 for its own ETag
    assertThat(atomResponse.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    assertThat(atomResponse.headers().firstValue("Last-Modified")).isPresent();
    String etag = atomResponse.headers().firstValue("ETag").orElseThrow();
    assertThat(RunningStack.get(stack, "/feed.xml?author=Mira%20Okafor", "If-None-Match", etag).statusCode())
        .isEqualTo(304);

    // and its JSON twin follows JSON Feed 1.1 with the same papers
    HttpResponse<String> jsonResponse = RunningStack.get(stack, "/feed.json?author=mira%20okafor");
    assertThat(jsonResponse.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    JsonNode json = RunningStack.json(jsonResponse);
    FeedsTest.assertJsonFeed11(json, "http://127.0.0.1:" + stack.httpPort());
    assertThat(json.path("items")).hasSize(3);
    assertThat(json.path("feed_url").asText()).endsWith("/feed.json?author=mira%20okafor");
  }

  @Test
  void aKeywordsFeedsHoldThePapersOfItsCanonicalForm() throws Exception {
    Feed atom = (Feed) new WireFeedInput().build(new StringReader(
        RunningStack.get(stack, "/feed.xml?keyword=Seagrass%20Carbon%20Ledgers").body()));
    assertThat(atom.getEntries()).extracting(Entry::getId).containsExactlyInAnyOrder(
        "urn:paperstream:paper:" + DiscoveryPages.PAPER, "urn:paperstream:paper:" + DiscoveryPages.CLOSEST,
        "urn:paperstream:paper:" + DiscoveryPages.SHARING_ONE.get(0));
    JsonNode json = RunningStack.json(RunningStack.get(stack, "/feed.json?keyword=seagrass%20carbon%20ledger"));
    FeedsTest.assertJsonFeed11(json, "http://127.0.0.1:" + stack.httpPort());
    assertThat(json.path("items")).hasSize(3);
  }

  @Test
  void badParametersAre400WithAClearMessage() throws Exception {
    assertError("/feed.xml?author=Mira%20Okafor&keyword=ocean%20model", 400, "'author' cannot be combined");
    assertError("/feed.json?author=Mira%20Okafor&q=seagrass", 400, "'author' cannot be combined");
    assertError("/api/papers/2699.99999/related", 404, "2699.99999");
    assertError("/api/papers/" + DiscoveryPages.PAPER + "/related?limit=0", 400, "'limit'");
    assertError("/api/papers/" + DiscoveryPages.PAPER + "/related?limit=101", 400, "from 1 to 100");
    assertError("/api/papers/" + DiscoveryPages.PAPER + "/related?plan=%7B%7D", 400, "'plan'");
    assertError("/api/keyword-papers", 400, "'keyword'");
    assertError("/api/keyword-papers?keyword=%20", 400, "'keyword'");
    assertError("/api/emerging?date=2026-13-01", 400, "'date'");
    assertError("/api/emerging?limit=many", 400, "'limit'");
    assertThat(RunningStack.get(stack, "/api/emerging", "X-Unused", "1").statusCode()).isEqualTo(200);
  }

  private void assertError(String pathAndQuery, int status, String message) throws Exception {
    HttpResponse<String> response = RunningStack.get(stack, pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(status);
    assertThat(RunningStack.json(response).path("error").asText()).as(pathAndQuery).contains(message);
  }

  private JsonNode ok(String pathAndQuery) throws Exception {
    HttpResponse<String> response = RunningStack.get(stack, pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
    return RunningStack.json(response);
  }

  static List<String> relatedIds(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("related").forEach(r -> ids.add(r.path("paper").path("paperId").asText()));
    return ids;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
