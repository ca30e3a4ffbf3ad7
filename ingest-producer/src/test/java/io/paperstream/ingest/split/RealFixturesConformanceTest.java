package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.ingest.Fixtures;
import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The splitter against the real pages in {@code ../shared/fixtures} (skipped when absent). Expected
 * counts are facts about those files, or are worked out here independently of the splitter.
 */
class RealFixturesConformanceTest {

  private static final Map<String, Integer> SEED_ENTRIES = Map.of(
      "000", 36, "001", 106, "002", 83, "003", 104, "004", 80);

  private final PageSplitter splitter = SplitFixtures.splitter();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void seedTextPagesGiveTheKnownEntryCounts() throws IOException {
    // given
    Path seeds = Fixtures.sharedOrSkip().resolve("seeds");

    // when
    Map<String, Integer> counts = new TreeMap<>();
    for (Path file : files(seeds, ".txt")) {
      SplitResult result = splitter.split(page(file));
      assertThat(result.kind()).as(file.toString()).isEqualTo(SourceKind.TEXT);
      assertThat(result.deadLetters()).as(file.toString()).isEmpty();
      assertThat(result.entries()).as(file.toString()).allSatisfy(entry -> {
        assertThat(entry.getTitle()).isNotBlank();
        assertThat(entry.getAbstract$()).isNotBlank();
        assertThat(entry.getPageDate()).isNotNull();
      });
      counts.put(file.getFileName().toString().substring(0, 3), result.entries().size());
    }

    // then
    assertThat(counts).isEqualTo(new TreeMap<>(SEED_ENTRIES));
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(409);
  }

  @Test
  void seedMetadataIsReadWhereverItIsPrinted() throws IOException {
    // given
    Path seeds = Fixtures.sharedOrSkip().resolve("seeds");

    // when
    List<RawEntry> entries = files(seeds, ".txt").stream().flatMap(file -> splitter.split(page(file)).entries().stream()).toList();

    // then every metadata block printed (one per `·` line) ended up on an entry
    long separators = 0;
    for (Path file : files(seeds, ".txt")) {
      separators += Files.readAllLines(file).stream().filter(line -> line.strip().equals("·")).count();
    }
    assertThat(entries.stream().filter(e -> e.getAuthorCount() != null || e.getOrganization() != null).count())
        .isEqualTo(separators);
    assertThat(entries.stream().filter(e -> e.getDateText() != null).count()).isEqualTo(separators);
    assertThat(entries).anySatisfy(e -> assertThat(e.getUpvotes()).isNotNull());
  }

  @Test
  void apiDayFilesGiveOneEntryPerValidElement() throws IOException {
    // given
    Path daily = Fixtures.sharedOrSkip().resolve("hf-api").resolve("daily");

    // when / then
    int total = 0;
    for (Path file : files(daily, ".json")) {
      int expected = validElements(json.readTree(file.toFile()));
      SplitResult result = splitter.split(page(file));
      assertThat(result.kind()).as(file.toString()).isEqualTo(SourceKind.API_JSON);
      assertThat(result.deadLetters()).as(file.toString()).isEmpty();
      assertThat(result.entries()).as(file.toString()).hasSize(expected);
      LocalDate day = LocalDate.parse(file.getFileName().toString().substring(0, 10));
      assertThat(result.entries()).as(file.toString()).allSatisfy(entry -> {
        assertThat(entry.getPageDate()).isEqualTo(day);
        assertThat(entry.getFeaturedDate()).isEqualTo(day);
        assertThat(entry.getArxivId()).matches("\\d{4}\\.\\d{4,5}");
        assertThat(entry.getAuthors()).isNotEmpty();
        assertThat(entry.getAuthorCount()).isEqualTo(entry.getAuthors().size());
        assertThat(entry.getPublishedAt()).isNotNull();
        assertThat(entry.getUpvotes()).isNotNull();
        assertThat(entry.getComments()).isNotNull();
      });
      total += expected;
    }
    assertThat(total).isEqualTo(692);
  }

  @Test
  void modernFileHasItsNewerFieldsPopulated() throws IOException {
    // given
    Path file = Fixtures.sharedOrSkip().resolve("hf-api/modern/2026-06-12.json");
    JsonNode tree = json.readTree(file.toFile());

    // when
    SplitResult result = splitter.split(page(file));

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).hasSize(validElements(tree));
    assertThat(result.entries()).allSatisfy(entry -> {
      assertThat(entry.getSourceKeywords()).isNotEmpty();
      assertThat(entry.getFeaturedDate()).isEqualTo(LocalDate.of(2026, 6, 12));
    });
    assertThat(result.entries()).filteredOn(e -> e.getGithubRepo() != null).hasSize(count(tree, "githubRepo"));
    assertThat(result.entries()).filteredOn(e -> e.getProjectPage() != null).hasSize(count(tree, "projectPage"));
    assertThat(result.entries()).filteredOn(e -> e.getAiSummary() != null).hasSize(count(tree, "ai_summary"));
    assertThat(result.entries()).filteredOn(e -> e.getOrganization() != null)
        .hasSize((int) stream(tree).filter(e -> e.path("organization").isObject()).count());
  }

  @Test
  void dirtyFilesGiveOneLocatedDeadLetterPerElementAndNoEntries() throws IOException {
    // given
    Path dirty = Fixtures.sharedOrSkip().resolve("hf-api").resolve("dirty");

    // when / then
    for (Path file : files(dirty, ".json")) {
      JsonNode tree = json.readTree(file.toFile());
      int elements = (tree.isArray() ? tree : tree.path("data")).size();
      SplitResult result = splitter.split(page(file));
      assertThat(result.entries()).as(file.toString()).isEmpty();
      assertThat(result.deadLetters()).as(file.toString()).hasSize(elements);
      assertThat(result.deadLetters()).extracting(DeadLetter::getPosition)
          .containsExactlyElementsOf(IntStream.range(0, elements).boxed().toList());
      assertThat(result.deadLetters()).allSatisfy(dead -> {
        assertThat(dead.getReason()).isNotBlank();
        assertThat(dead.getSource()).isEqualTo(file.toUri().toString());
        assertThat(dead.getExcerpt()).isNotBlank();
      });
    }
  }

  /** Elements the splitter must accept, counted without it: objects with paper.id and a title. */
  private static int validElements(JsonNode array) {
    return (int) stream(array).filter(element -> element.isObject()
        && element.path("paper").path("id").isTextual()
        && (element.path("paper").path("title").isTextual() || element.path("title").isTextual()))
        .count();
  }

  private static int count(JsonNode array, String paperField) {
    return (int) stream(array).filter(e -> e.path("paper").path(paperField).isTextual()).count();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static List<Path> files(Path folder, String ending) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(ending)).sorted().toList();
    }
  }

  private static Page page(Path file) {
    try {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      return new Page(file.toUri().toString(), null, Files.readAllBytes(file), modified, SplitFixtures.AS_OF);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
