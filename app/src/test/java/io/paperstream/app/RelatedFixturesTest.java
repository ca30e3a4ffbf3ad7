package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related papers on real pages: the first {@value #DAYS} days of {@code
 * ../shared/fixtures/hf-api/labeled} (about 600 entries with Hugging Face's own keywords): every
 * related paper shares at least one specific keyword with the paper. Skipped without the fixtures.
 */
class RelatedFixturesTest {

  private static final int SAMPLE = 60;
  private static final int DAYS = 40;

  @TempDir Path work;

  @Test
  void everyRelatedPaperSharesASpecificKeyword() throws Exception {
    // given the labeled pages processed by a running stack
    Path labeled = labeledPagesOrSkip();
    Settings settings = TestKafka.settings(TestKafka.uniqueSettings("related-fixtures", work.resolve("state")));
    try (KafkaCluster cluster = KafkaCluster.connect(settings); AppStack stack = AppStack.start(cluster, settings)) {
      List<String> days;
      try (var files = Files.list(labeled)) {
        days = files.map(Path::toString).filter(f -> f.endsWith(".json")).sorted().limit(DAYS).toList();
      }
      RunningStack.ingestFixturePages(settings, cluster, days.toArray(String[]::new));
      RunningStack.awaitCaughtUp(Duration.ofMinutes(5), stack);
      List<String> ids = new ArrayList<>();
      RunningStack.json(RunningStack.get(stack, "/api/papers?limit=1000")).path("papers")
          .forEach(p -> ids.add(p.path("paperId").asText()));
      assertThat(ids).hasSizeGreaterThan(SAMPLE);

      // when the related papers of a sample spread over the list are asked for
      int withRelated = 0;
      for (int i = 0; i < SAMPLE; i++) {
        String id = ids.get(i * ids.size() / SAMPLE);
        HttpResponse<String> response = RunningStack.get(stack, "/api/papers/" + UrlQuery.idPath(id) + "/related");
        assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(200);
        JsonNode answer = RunningStack.json(response);

        // then a keyword is specific when at most 5 % of the papers (or 2) have it
        long papers = answer.path("papers").asLong();
        Set<String> specific = new HashSet<>();
        for (JsonNode keyword : answer.path("keywords")) {
          long count = keyword.path("papers").asLong();
          assertThat(keyword.path("specific").asBoolean()).as(id + " " + keyword)
              .isEqualTo(count >= 2 && count <= Math.max(2, (long) Math.floor(papers * RelatedPapers.SPECIFIC_SHARE)));
          if (keyword.path("specific").asBoolean()) {
            specific.add(keyword.path("keyword").asText());
          }
        }
        // and every related paper shares one of them, and is another paper
        for (JsonNode related : answer.path("related")) {
          List<String> shared = new ArrayList<>();
          related.path("shared").forEach(k -> shared.add(k.asText()));
          assertThat(shared).as(id + " ~ " + related.path("paper").path("paperId").asText()).containsAnyElementsOf(specific);
          assertThat(related.path("paper").path("paperId").asText()).isNotEqualTo(id);
        }
        withRelated += answer.path("related").isEmpty() ? 0 : 1;
      }
      // and most papers of a real stream have related papers at all
      assertThat(withRelated).as("papers of the sample with related papers").isGreaterThan(SAMPLE / 2);
    }
  }

  private static Path labeledPagesOrSkip() {
    String configured = System.getProperty("paperstream.fixtures");
    List<Path> candidates = configured != null ? List.of(Path.of(configured))
        : List.of(Path.of("..", "shared", "fixtures"), Path.of("..", "..", "shared", "fixtures"));
    for (Path candidate : candidates) {
      Path labeled = candidate.resolve("hf-api").resolve("labeled");
      if (Files.isDirectory(labeled)) {
        return labeled.toAbsolutePath().normalize();
      }
    }
    Assumptions.abort("shared fixtures not found at " + candidates + ": skipped");
    throw new AssertionError("unreachable");
  }
}
