package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.processor.topology.PaperTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related papers and emerging keywords with the papers split over two instances: gathered from both. */
class DiscoveryTwoInstancesTest {

  @TempDir Path work;

  @Test
  void relatedPapersGatherHitsFromBothInstances() throws Exception {
    // given two instances of one application on the same topics, the invented papers split between them
    Map<String, String> shared = TestKafka.uniqueSettings("discovery-two", work.resolve("unused"));
    Settings first = TestKafka.settings(shared).with(ProcessorSettings.STATE_DIR_KEY, work.resolve("a").toString());
    Settings second = TestKafka.settings(shared).with(ProcessorSettings.STATE_DIR_KEY, work.resolve("b").toString());
    try (KafkaCluster cluster = KafkaCluster.connect(first);
        AppStack a = AppStack.start(cluster, first);
        AppStack b = AppStack.start(cluster, second)) {
      RunningStack.ingestFixturePages(first, cluster, DiscoveryPages.write(work.resolve("pages")).toString());
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
          a.streams().state() == KafkaStreams.State.RUNNING && b.streams().state() == KafkaStreams.State.RUNNING
              && a.streams().streamsMetadataForStore(PaperTopology.PAPERS_STORE).size() == 2);
      RunningStack.awaitCaughtUp(a, b);

      // when the related papers are asked of each instance
      String related = "/api/papers/" + DiscoveryPages.PAPER + "/related?limit=20";
      JsonNode fromA = ok(a, related);
      JsonNode fromB = ok(b, related);

      // then both give the same whole list: the closest paper, then the six sharing one keyword
      assertThat(fromB).isEqualTo(fromA);
      List<String> ids = DiscoveryApiTest.relatedIds(fromA);
      assertThat(ids).hasSize(7).startsWith(DiscoveryPages.CLOSEST);
      assertThat(ids.subList(1, 7)).containsExactlyInAnyOrderElementsOf(DiscoveryPages.SHARING_ONE);
      // and the list holds papers of both instances' partitions
      List<String> onA = ids(RunningStack.get(a, "/api/papers?limit=1000", Forwarder.LOCAL_HEADER, "true"));
      List<String> onB = ids(RunningStack.get(b, "/api/papers?limit=1000", Forwarder.LOCAL_HEADER, "true"));
      assertThat(ids).as("related papers held by a").containsAnyElementsOf(onA);
      assertThat(ids).as("related papers held by b").containsAnyElementsOf(onB);
      // and the keyword weights count the papers of both
      String counts = "/api/keyword-papers?keyword=" + UrlQuery.encode(DiscoveryPages.SPECIFIC.get(2));
      assertThat(ok(a, counts).path("frequencies").path(DiscoveryPages.SPECIFIC.get(2)).asLong()).isEqualTo(3);
      assertThat(ok(b, counts)).isEqualTo(ok(a, counts));
      // and the emerging keywords, kept on one instance, are the same from the other
      String emerging = "/api/emerging?date=" + DiscoveryPages.LAST_DAY;
      assertThat(ok(b, emerging)).isEqualTo(ok(a, emerging));
      assertThat(ok(a, emerging).path("keywords").get(0).path("keyword").asText()).isEqualTo(DiscoveryPages.NEW_TOPIC);
    }
  }

  private static JsonNode ok(AppStack stack, String pathAndQuery) throws Exception {
    var response = RunningStack.get(stack, pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
    return RunningStack.json(response);
  }

  private static List<String> ids(java.net.http.HttpResponse<String> response) throws Exception {
    List<String> ids = new ArrayList<>();
    RunningStack.json(response).path("papers").forEach(p -> ids.add(p.path("paperId").asText()));
    return ids;
  }
}
