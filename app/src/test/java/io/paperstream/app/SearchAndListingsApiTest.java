package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import io.paperstream.config.Settings;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search, listings and the author filter of a running stack over known data: the project's
 * fixture pages and {@link ListingPages}, processed to the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAndListingsApiTest {

  @TempDir static Path work;

  private RunningStack.WithData running;
  private AppStack stack;

  @BeforeAll
  void startStackWithInventedData() {
    Settings settings = TestKafka.settings(TestKafka.uniqueSettings("search-listings-api", work.resolve("state")));
    running = RunningStack.WithData.start(settings, ListingPages.write(work.resolve("pages")).toString());
    stack = running.stack();
  }

  @AfterAll
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void anExactTitleRanksItsPaperFirstWithHighlights() throws Exception {
    // when each of three titles that share words is searched as it is
    for (String[] title : new String[][] {{"Glacier Fjords", "2604.00002"},
        {"Sonar Mapping of Glacier Fjords", "2604.00001"}, {"Fjord Sediment Cores by Sonar", "2604.00003"}}) {
      JsonNode answer = ok("/api/search?q=" + UrlQuery.encode(title[0]));
      // then its paper comes first, with a higher score than the next
      JsonNode results = answer.path("results");
      assertThat(results.get(0).path("paper").path("paperId").asText()).as(title[0]).isEqualTo(title[1]);
      assertThat(results.get(0).path("score").asDouble()).as(title[0]).isGreaterThan(results.get(1).path("score").asDouble());
    }
    // and the highlights are the text with the ranges of the matched words
    JsonNode best = ok("/api/search?q=sonar%20fjords").path("results").get(0).path("highlights").path("title");
    List<String> matched = new ArrayList<>();
    best.path("matches").forEach(range -> matched.add(best.path("text").asText().substring(range.get(0).asInt(),
        range.get(1).asInt()).toLowerCase()));
    assertThat(matched).isNotEmpty().allMatch(word -> word.startsWith("sonar") || word.startsWith("fjord"));
  }

  @Test
  void searchFiltersByFieldAndDateAndOrdersNewestFirstOnRequest() throws Exception {
    assertThat(ids(ok("/api/search?q=author:marlow").path("results")))
        .containsExactlyInAnyOrder("2604.00001", "2604.00002");
    assertThat(ids(ok("/api/search?q=glaciers&from=2026-03-10&to=2026-03-16").path("results")))
        .containsExactlyInAnyOrder("2604.00001", "2604.00002");
    JsonNode newest = ok("/api/search?q=glacier%20OR%20sonar&sort=newest");
    assertThat(newest.path("sort").asText()).isEqualTo("newest");
    assertThat(ids(newest.path("results"))).containsExactly("2604.00003", "2604.00001", "2604.00002", "2604.00004");
    assertThat(ids(ok("/api/search?q=glacier%20OR%20sonar&limit=2").path("results"))).hasSize(2);
  }

  @Test
  void listingsRankAPeriodByUpvotesThenFirstSeenAndWalkByCursor() throws Exception {
    // a day: the featured date, most upvotes first
    JsonNode day = ok("/api/listings/day/2026-03-17");
    assertThat(day.path("from").asText()).isEqualTo("2026-03-17");
    assertThat(ids(day.path("papers"))).containsExactly("2604.00002", "2604.00001");
    // a week, Monday to Sunday, by date or ISO week: two papers of 40 upvotes, then by first seen and id
    JsonNode week = ok("/api/listings/week/2026-03-18");
    assertThat(week.path("from").asText() + ".." + week.path("to").asText()).isEqualTo("2026-03-16..2026-03-22");
    assertThat(ids(week.path("papers"))).startsWith("2604.00002", "2604.00003").contains("2604.00001", "2603.00101")
        .doesNotContain("2604.00004", "2604.00005");
    assertThat(ok("/api/listings/week/2026-W12")).isEqualTo(week);
    // a month: the 12 upvotes of March 2 rank before the 11 of the fixture's coral paper
    JsonNode month = ok("/api/listings/month/2026-03?limit=1000");
    List<String> all = ids(month.path("papers"));
    assertThat(all).startsWith("2604.00002", "2604.00003", "2604.00004", "2603.00101").doesNotContain("2604.00005");
    // walked two at a time, the pages give the same list
    List<String> walked = new ArrayList<>();
    JsonNode page = ok("/api/listings/month/2026-03-05?limit=2");
    walked.addAll(ids(page.path("papers")));
    while (page.path("next").isTextual()) {
      page = ok("/api/listings/month/2026-03-05?limit=2&cursor=" + page.path("next").asText());
      walked.addAll(ids(page.path("papers")));
    }
    assertThat(walked).isEqualTo(all);
  }

  @Test
  void listingsAndPaperListsFilterByAuthorAndByCanonicalKeyword() throws Exception {
    // any case and spacing of the name
    assertThat(ids(ok("/api/listings/month/2026-03?author=Ines%20Marlow").path("papers")))
        .containsExactly("2604.00002", "2604.00001");
    JsonNode byAuthor = ok("/api/papers?author=ines%20marlow");
    assertThat(byAuthor.path("author").asText()).isEqualTo("ines marlow");
    assertThat(ids(byAuthor.path("papers"))).containsExactly("2604.00001", "2604.00002");
    assertThat(ids(ok("/api/papers?author=Olu%20Bade&limit=1").path("papers"))).containsExactly("2604.00003");
    // LLMs is counted as large language model: the fixture's coral and kelp papers, featured on March 20
    JsonNode llm = ok("/api/listings/week/2026-03-20?keyword=LLMs");
    assertThat(llm.path("canonical").asText()).isEqualTo("large language model");
    assertThat(ids(llm.path("papers"))).containsExactly("2603.00101", "2603.00102");
  }

  @Test
  void aSearchFeedHoldsTheNewestMatchesWithTheFeedsCachingHeaders() throws Exception {
    HttpResponse<String> atom = RunningStack.get(stack, "/feed.xml?q=glacier");
    assertThat(atom.statusCode()).isEqualTo(200);
    assertThat(atom.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    assertThat(atom.headers().firstValue("ETag")).isPresent();
    assertThat(atom.headers().firstValue("Last-Modified")).isPresent();
    Feed feed = (Feed) new WireFeedInput().build(new StringReader(atom.body()));
    assertThat(feed.getTitle()).isEqualTo("paperstream: papers matching glacier");
    assertThat(feed.getEntries()).extracting(Entry::getId).containsExactly("urn:paperstream:paper:2604.00001",
        "urn:paperstream:paper:2604.00002", "urn:paperstream:paper:2604.00004");
    HttpResponse<String> again = RunningStack.get(stack, "/feed.xml?q=glacier", "If-None-Match",
        atom.headers().firstValue("ETag").orElseThrow());
    assertThat(again.statusCode()).isEqualTo(304);
    JsonNode json = ok("/feed.json?q=glacier");
    assertThat(json.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(json.path("items")).hasSize(3);
  }

  @Test
  void badParametersAre400WithAClearMessage() throws Exception {
    assertBadRequest("/api/search", "parameter 'q' is required");
    assertBadRequest("/api/search?q=tidal%20(lattice", "parameter 'q': not a valid query: Cannot parse 'tidal (lattice'");
    assertBadRequest("/api/search?q=*reef", "not allowed as first character");
    assertBadRequest("/api/search?q=kelp&limit=101", "'limit' must be a whole number from 1 to 100");
    assertBadRequest("/api/search?q=kelp&sort=oldest", "parameter 'sort' must be relevance or newest, not 'oldest'");
    assertBadRequest("/api/search?q=kelp&from=2026-03-20&to=2026-03-01", "from (2026-03-20) is after to (2026-03-01)");
    assertBadRequest("/api/listings/year/2026-03-01", "the period must be day, week or month, not 'year'");
    assertBadRequest("/api/listings/day/2026-3-1", "the date of a day listing must be a date YYYY-MM-DD");
    assertBadRequest("/api/listings/week/2026-W54", "or a week YYYY-Www, not '2026-W54'");
    assertBadRequest("/api/listings/month/2026-13", "or a month YYYY-MM, not '2026-13'");
    assertBadRequest("/api/listings/day/2026-03-17?cursor=bogus", "'cursor' must be the 'next' value");
    assertBadRequest("/api/papers?keyword=sonar&author=Olu%20Bade", "'keyword' and 'author' cannot be combined");
    assertBadRequest("/feed.xml?q=glacier&keyword=sonar", "'q' and 'keyword' cannot be combined");
    assertBadRequest("/feed.json?q=%22glacier", "parameter 'q': not a valid query");
  }

  private void assertBadRequest(String pathAndQuery, String message) throws Exception {
    RunningStack.assertBadRequest(stack, pathAndQuery, message);
  }

  private JsonNode ok(String pathAndQuery) throws Exception {
    return RunningStack.ok(stack, pathAndQuery);
  }

  private static List<String> ids(JsonNode papersOrResults) {
    List<String> ids = new ArrayList<>();
    papersOrResults.forEach(p -> ids.add(p.has("paper") ? p.path("paper").path("paperId").asText()
        : p.path("paperId").asText()));
    return ids;
  }
}
