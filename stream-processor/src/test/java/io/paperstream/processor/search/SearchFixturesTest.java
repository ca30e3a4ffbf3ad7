package io.paperstream.processor.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.processor.SharedFixtures;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.normalize.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every real paper of the shared API fixtures, indexed as the processor indexes it, is found
 * first by its own title. Skipped when the shared fixtures are absent (a fresh clone).
 */
class SearchFixturesTest {

  private final TextNormalizer normalizer = new TextNormalizer();
  private final KeywordExtractor extractor = new KeywordExtractor(KeywordExtractor.DEFAULT_MAX_KEYWORDS);

  @Test
  void everyRealTitleFindsItsPaperFirst() throws IOException {
    // given every distinct paper of the daily API responses, indexed with its keywords
    Path daily = SharedFixtures.dirOrSkip().resolve("hf-api").resolve("daily");
    Assumptions.assumeTrue(Files.isDirectory(daily), "no hf-api/daily fixtures: skipped");
    Map<String, String> titles = new LinkedHashMap<>();
    SearchIndexStore index = SearchPapers.startedStore(SearchPapers.context(new Properties()));
    for (JsonNode paper : papers(daily)) {
      String id = paper.path("id").asText();
      String title = normalizer.normalize(paper.path("title").asText());
      String summary = normalizer.normalize(paper.path("summary").asText(null));
      List<String> authors = new ArrayList<>();
      paper.path("authors").forEach(a -> authors.add(a.path("name").asText()));
      index.index(io.paperstream.schemas.Paper.newBuilder(SearchPapers.paper(id, title, summary,
              LocalDate.parse(paper.path("publishedAt").asText().substring(0, 10)), authors.toArray(String[]::new)))
          .setKeywords(extractor.keywords(title, summary, List.of())).build());
      titles.put(id, title);
    }
    index.refresh();
    assertThat(titles).hasSizeGreaterThan(600);

    // when each title is searched as it is written
    List<String> missed = new ArrayList<>();
    titles.forEach((id, title) -> {
      List<SearchIndex.Hit> hits;
      try {
        hits = index.search(PaperQueries.parse(title), 3);
      } catch (InvalidQueryException e) {
        missed.add(id + " \"" + title + "\" → " + e.getMessage());
        return;
      }
      String first = hits.isEmpty() ? null : hits.get(0).paperId();
      // a title two papers share ranks either first
      if (first == null || !titles.get(first).equalsIgnoreCase(title)) {
        missed.add(id + " \"" + title + "\" → " + first);
      }
    });
    index.close();

    // then its paper comes first every time
    assertThat(missed).as("titles whose paper is not first, of " + titles.size()).isEmpty();
  }

  private static List<JsonNode> papers(Path daily) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> papers = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(daily)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      for (JsonNode entry : json.readTree(file.toFile())) {
        if (entry.path("paper").isObject() && entry.path("paper").path("publishedAt").isTextual()) {
          papers.add(entry.path("paper"));
        }
      }
    }
    return papers;
  }
}
