package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.processor.SharedFixtures;
import io.paperstream.processor.normalize.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor over every real abstract of the shared API fixtures and checks properties
 * that must hold for any text. Skipped when the shared fixtures are absent (a fresh clone).
 */
class KeywordExtractorFixturesTest {

  private static final int MAX = KeywordExtractor.DEFAULT_MAX_KEYWORDS;

  private final KeywordExtractor extractor = new KeywordExtractor(MAX);
  private final TextNormalizer normalizer = new TextNormalizer();

  @Test
  void everyRealAbstractGivesSaneKeywords() throws IOException {
    // given
    Path daily = SharedFixtures.dirOrSkip().resolve("hf-api").resolve("daily");
    Assumptions.assumeTrue(Files.isDirectory(daily), "no hf-api/daily fixtures: skipped");
    List<JsonNode> papers = papers(daily);
    assertThat(papers).isNotEmpty();
    SoftAssertions softly = new SoftAssertions();

    for (JsonNode paper : papers) {
      List<String> sourceKeywords = new ArrayList<>();
      paper.path("ai_keywords").forEach(k -> sourceKeywords.add(k.asText()));
      String title = paper.path("title").asText(null);
      String summary = paper.path("summary").asText(null);

      // when: as the topology sees it (normalized) and raw, hard wraps and LaTeX included
      List<List<String>> results = List.of(
          extractor.keywords(normalizer.normalize(title), normalizer.normalize(summary), sourceKeywords),
          extractor.keywords(title, summary, sourceKeywords));

      // then
      for (List<String> keywords : results) {
        String where = paper.path("id").asText() + " " + keywords;
        softly.assertThat(keywords).as(where).hasSizeLessThanOrEqualTo(MAX).doesNotHaveDuplicates();
        for (String keyword : keywords) {
          softly.assertThat(keyword).as(where).isNotBlank();
          softly.assertThat(extractor.isStopWord(keyword)).as("stop word %s in %s", keyword, where).isFalse();
          softly.assertThat(extractor.canonical(keyword)).as("canonical %s in %s", keyword, where).isEqualTo(keyword);
        }
      }
    }
    softly.assertAll();
  }

  /** Every paper object of every daily response file, in file order. */
  private static List<JsonNode> papers(Path daily) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> papers = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(daily)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      for (JsonNode entry : json.readTree(file.toFile())) {
        JsonNode paper = entry.path("paper");
        if (paper.isObject()) {
          papers.add(paper);
        }
      }
    }
    return papers;
  }
}
