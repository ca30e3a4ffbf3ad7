package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.PaperKeys;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances behind one application id: each answers every query, forwarding to the owner. */
class TwoInstancesTest {

  private static final String TOKEN = "two-instance-token";

  @TempDir Path work;

  @Test
  void everyQueryIsAnsweredIdenticallyByBothInstances() throws Exception {
    // given two instances of one application (own state directories, own HTTP ports) on the same topics
    Map<String, String> shared = TestKafka.uniqueSettings("two-instances", work.resolve("unused"));
    // with a token, which forwarded requests carry too
    shared.put(HttpSettings.TOKEN_KEY, TOKEN);
    Settings first = TestKafka.settings(shared).with(ProcessorSettings.STATE_DIR_KEY, work.resolve("a").toString());
    Settings second = TestKafka.settings(shared).with(ProcessorSettings.STATE_DIR_KEY, work.resolve("b").toString());
    try (KafkaCluster cluster = KafkaCluster.connect(first);
        AppStack a = AppStack.start(cluster, first);
        AppStack b = AppStack.start(cluster, second)) {
      // and the fixture data and 24 invented papers processed, with the work split between them
      RunningStack.ingestFixturePages(first, cluster,
          InventedPages.write(work.resolve("invented"), 0, 24, 12, LocalDate.parse("2026-03-19"), 10, 7).toString());
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
          a.streams().state() == KafkaStreams.State.RUNNING && b.streams().state() == KafkaStreams.State.RUNNING
              && a.streams().streamsMetadataForStore(PaperTopology.PAPERS_STORE).size() == 2);
      RunningStack.awaitCaughtUp(a, b);
      // so that queries must be forwarded: the trends live on one instance only, and the papers
      // are spread over both (a paper list gathers from both)
      assertThat(a.streams().streamsMetadataForStore(PaperTopology.TRENDS_BY_DATE_STORE)).hasSize(1);

      // when every query is asked of both
      List<String> queries = List.of(
          "/api/trending?date=2026-03-20&days=7&limit=50",
          "/api/trending",
          "/api/keywords/LLMs/series?from=2026-03-01&to=2026-03-20",
          "/api/keywords/coral%20reef%20mapping/series",
          "/api/papers/2603.00101",
          "/api/papers/2603.00102",
          "/api/papers/" + PaperKeys.provisionalKey(null, "Tide Pool Census by Drone").replace(":", "%3A"),
          "/api/papers/2699.00000",
          "/api/papers?limit=100",
          "/api/papers?limit=7",
          "/api/papers-per-day",
          "/api/papers?keyword=LLMs",
          "/api/papers?from=2026-03-15&limit=2",
          "/feed.json",
          "/feed.xml?keyword=coral%20reef%20mapping",
          "/api/search?q=invented%20study",
          "/api/search?q=kelp&sort=newest&limit=5",
          "/api/listings/week/2026-03-18",
          "/api/listings/month/2026-03?limit=5",
          "/feed.json?q=tidal");

      // then both answer the same, and the answers hold the data
      for (String query : queries) {
        HttpResponse<String> fromA = get(a, query);
        HttpResponse<String> fromB = get(b, query);
        assertThat(fromB.statusCode()).as(query).isEqualTo(fromA.statusCode());
        assertThat(feedWithoutSelfLinks(fromB.body(), b)).as(query).isEqualTo(feedWithoutSelfLinks(fromA.body(), a));
      }
      assertThat(RunningStack.json(get(b, "/api/papers?limit=100")).path("papers")).hasSize(27);
      assertThat(get(a, "/api/papers/2699.00000").statusCode()).isEqualTo(404);
      assertThat(RunningStack.json(get(a, "/api/keywords/LLMs/series?from=2026-03-01&to=2026-03-20"))
          .path("total").asLong()).isEqualTo(2);

      // and paginated lists gather from both: each instance holds some papers
      List<String> onA = ids(RunningStack.json(get(a, "/api/papers?limit=1000", Forwarder.LOCAL_HEADER, "true")));
      List<String> onB = ids(RunningStack.json(get(b, "/api/papers?limit=1000", Forwarder.LOCAL_HEADER, "true")));
      assertThat(onA).as("papers held by a").isNotEmpty().doesNotContainAnyElementsOf(onB);
      assertThat(onB).as("papers held by b").isNotEmpty();
      for (AppStack asked : List.of(a, b)) {
        // walked 7 papers a page from either instance
        List<String> walked = new java.util.ArrayList<>();
        JsonNode page = RunningStack.json(get(asked, "/api/papers?limit=7"));
        walked.addAll(ids(page));
        while (page.path("next").isTextual()) {
          assertThat(page.path("papers")).hasSize(7);
          page = RunningStack.json(get(asked, "/api/papers?limit=7&cursor=" + page.path("next").asText()));
          walked.addAll(ids(page));
        }
        // every paper of both comes once, in the order of the whole list
        assertThat(walked).as("walked from " + asked.applicationServer()).hasSize(27).doesNotHaveDuplicates()
            .containsExactlyElementsOf(ids(RunningStack.json(get(asked, "/api/papers?limit=1000"))))
            .containsAll(onA).containsAll(onB);
      }
      // and a search gathers the hits of both: each instance finds only its own papers, the
      // gathered answer finds all 24 invented ones, in one order of scores from either instance
      String everyInvented = "/api/search?q=%22invented%20study%22&limit=100";
      List<String> foundOnA = hits(RunningStack.json(get(a, everyInvented, Forwarder.LOCAL_HEADER, "true")));
      List<String> foundOnB = hits(RunningStack.json(get(b, everyInvented, Forwarder.LOCAL_HEADER, "true")));
      assertThat(foundOnA).as("hits on a").isNotEmpty().doesNotContainAnyElementsOf(foundOnB);
      assertThat(foundOnB).as("hits on b").isNotEmpty();
      for (AppStack asked : List.of(a, b)) {
        assertThat(hits(RunningStack.json(get(asked, everyInvented)))).hasSize(24)
            .containsAll(foundOnA).containsAll(foundOnB);
      }
      // and a listing of both, walked by cursor, gives every paper of the period once
      List<String> month = ids(RunningStack.json(get(a, "/api/listings/month/2026-03?limit=1000")));
      // (the 24 invented papers were featured in March 2026, on both instances)
      assertThat(month).containsAll(onA.stream().filter(id -> id.startsWith("2605.")).toList())
          .containsAll(onB.stream().filter(id -> id.startsWith("2605.")).toList());
      List<String> walkedMonth = new java.util.ArrayList<>();
      JsonNode listing = RunningStack.json(get(b, "/api/listings/month/2026-03?limit=4"));
      walkedMonth.addAll(ids(listing));
      while (listing.path("next").isTextual()) {
        listing = RunningStack.json(get(b, "/api/listings/month/2026-03?limit=4&cursor=" + listing.path("next").asText()));
        walkedMonth.addAll(ids(listing));
      }
      assertThat(walkedMonth).isEqualTo(month).doesNotHaveDuplicates();

      // and the counts per day add both instances up
      assertThat(RunningStack.json(get(b, "/api/papers-per-day")).path("total").asLong()).isEqualTo(27);
    }
  }

  private static java.net.http.HttpResponse<String> get(AppStack stack, String pathAndQuery, String... headers)
      throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of("Authorization", "Bearer " + TOKEN));
    all.addAll(List.of(headers));
    return RunningStack.get(stack, pathAndQuery, all.toArray(String[]::new));
  }

  private static List<String> hits(JsonNode search) {
    List<String> ids = new java.util.ArrayList<>();
    search.path("results").forEach(r -> ids.add(r.path("paper").path("paperId").asText()));
    return ids;
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new java.util.ArrayList<>();
    answer.path("papers").forEach(p -> ids.add(p.path("paperId").asText()));
    return ids;
  }

  // Feeds name their own URL, which differs by port: everything else must be equal.
  private static String feedWithoutSelfLinks(String body, AppStack stack) {
    return body.replace("127.0.0.1:" + stack.httpPort(), "HOST");
  }
}
