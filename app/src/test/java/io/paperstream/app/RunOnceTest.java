package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.PaperKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code papers run --once SOURCE --export DIR} end to end, on a real broker. */
class RunOnceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void onceIngestsProcessesAndExportsTheFinalTopics() throws Exception {
    // given a folder with a text page and an API page that share one paper, and one bad API element
    Path config = work.resolve("paperstream.properties");
    Properties properties = new Properties();
    properties.putAll(TestKafka.uniqueSettings("run-once", work.resolve("state")));
    // three papers cannot give a keyword the default support of 2; 1 lets every keyword trend,
    // so the whole formula is checked (the support filter has its own TrendProcessor tests)
    properties.setProperty(ProcessorSettings.TREND_MIN_SUPPORT_KEY, "1");
    try (Writer out = Files.newBufferedWriter(config)) {
      properties.store(out, null);
    }
    Path export = work.resolve("export");
    StringWriter err = new StringWriter();

    // when papers run --once runs over it
    int exit = new CommandLine(new RunCommand()).setErr(new PrintWriter(err, true)).execute(
        "--once", "--bootstrap-servers", TestKafka.bootstrapServers(), "--config", config.toString(),
        "--export", export.toString(), "--as-of", "2026-03-20", TestKafka.pages().toString());

    // then it succeeds and says what it did
    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).contains("dashboard at http://127.0.0.1:")
        .contains("run: done: 2 pages, 4 entries, 3 papers, 1 dead letter");

    // and the papers are one per distinct paper, the shared one knowing both pages
    Map<String, JsonNode> papers = table(export.resolve("papers.jsonl"));
    String tidePool = PaperKeys.provisionalKey(null, "Tide Pool Census by Drone");
    assertThat(papers).containsOnlyKeys("2603.00101", "2603.00102", tidePool);
    JsonNode coral = papers.get("2603.00101");
    assertThat(coral.path("sightings").asInt()).isEqualTo(2);
    assertThat(coral.path("upvotes").asInt()).isEqualTo(11);
    assertThat(coral.path("publishedDate").asText()).isEqualTo("2026-03-18");
    assertThat(coral.path("title").asText()).isEqualTo("Coral Reef Mapping with Large Language Models");
    assertThat(strings(coral.path("keywords"))).contains("large language model", "coral reef mapping");
    assertThat(papers.get(tidePool).path("publishedDate").asText()).isEqualTo("2026-03-20");

    // and the daily counts equal a recount of the exported papers
    Map<String, Long> expectedCounts = new TreeMap<>();
    papers.values().forEach(paper -> strings(paper.path("keywords")).forEach(keyword ->
        expectedCounts.merge(KeywordDateKey.of(keyword, LocalDate.parse(paper.path("publishedDate").asText())).encode(),
            1L, Long::sum)));
    Map<String, Long> counts = new TreeMap<>();
    table(export.resolve("keyword-daily-counts.jsonl")).forEach((key, value) -> counts.put(key, value.path("count").asLong()));
    assertThat(counts).isEqualTo(expectedCounts).containsEntry("large language model|2026-03-18", 1L);

    // and the trends equal the documented formula applied to those counts
    Map<String, JsonNode> trends = table(export.resolve("keyword-trends.jsonl"));
    Map<String, Map<String, List<Object>>> expectedTrends = expectedTrends(expectedCounts);
    assertThat(trends.keySet()).isEqualTo(expectedTrends.keySet());
    trends.forEach((date, trend) -> {
      Map<String, List<Object>> actual = new TreeMap<>();
      trend.path("keywords").forEach(k -> actual.put(k.path("keyword").asText(), List.of(
          k.path("count").asLong(), k.path("count7d").asLong(), k.path("baseline28d").asLong())));
      Map<String, List<Object>> expected = new TreeMap<>();
      expectedTrends.get(date).forEach((keyword, row) -> expected.put(keyword, row.subList(0, 3)));
      assertThat(actual).as("trend of %s", date).isEqualTo(expected);
      trend.path("keywords").forEach(k -> assertThat(k.path("growth").asDouble())
          .isCloseTo((Double) expectedTrends.get(date).get(k.path("keyword").asText()).get(3), within(1e-9)));
    });

    // and the bad element is the one raw dead letter, located; nothing failed in processing
    List<JsonNode> raw = lines(export.resolve("raw-dead-letters.jsonl"));
    assertThat(raw).hasSize(1);
    assertThat(raw.get(0).path("value").path("position").asInt()).isEqualTo(2);
    assertThat(raw.get(0).path("value").path("source").asText()).endsWith("daily-2026-03-20.json");
    assertThat(lines(export.resolve("processing-dead-letters.jsonl"))).isEmpty();
  }

  @Test
  void onceWithoutSourceProcessesWhatTheTopicsHoldAndSaysSo() throws Exception {
    // given fresh topics and no SOURCE
    Path config = work.resolve("paperstream.properties");
    Properties properties = new Properties();
    properties.putAll(TestKafka.uniqueSettings("run-once-empty", work.resolve("state")));
    try (Writer out = Files.newBufferedWriter(config)) {
      properties.store(out, null);
    }
    StringWriter err = new StringWriter();

    // when papers run --once runs
    int exit = new CommandLine(new RunCommand()).setErr(new PrintWriter(err, true)).execute(
        "--once", "--bootstrap-servers", TestKafka.bootstrapServers(), "--config", config.toString());

    // then it says why nothing is ingested, and finishes on what the topics held
    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).contains("--once without SOURCE: processing what")
        .contains("run: done: 0 pages, 0 entries, 0 papers");
  }

  @Test
  void exportWithoutOnceIsAUsageError() {
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new RunCommand()).setErr(new PrintWriter(err, true))
        .execute("--export", work.toString(), "--bootstrap-servers", "127.0.0.1:1");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--export needs --once");
  }

  /** Date → keyword → [count, count7d, baseline28d, growth], recomputed from the daily counts. */
  static Map<String, Map<String, List<Object>>> expectedTrends(Map<String, Long> counts) {
    Map<String, Map<LocalDate, Long>> byKeyword = new HashMap<>();
    counts.forEach((key, count) -> {
      KeywordDateKey decoded = KeywordDateKey.decode(key);
      byKeyword.computeIfAbsent(decoded.keyword(), k -> new HashMap<>()).put(decoded.date(), count);
    });
    Map<String, Map<String, List<Object>>> trends = new TreeMap<>();
    byKeyword.forEach((keyword, days) -> days.forEach((date, count) -> {
      long week = 0;
      long baseline = 0;
      for (Map.Entry<LocalDate, Long> day : days.entrySet()) {
        long back = date.toEpochDay() - day.getKey().toEpochDay();
        if (back >= 0 && back <= 6) {
          week += day.getValue();
        } else if (back >= 7 && back <= 34) {
          baseline += day.getValue();
        }
      }
      double growth = (week + 1.0) / (baseline / 4.0 + 1.0);
      trends.computeIfAbsent(date.toString(), d -> new TreeMap<>()).put(keyword, List.of(count, week, baseline, growth));
    }));
    return trends;
  }

  static Map<String, JsonNode> table(Path file) throws IOException {
    Map<String, JsonNode> table = new TreeMap<>();
    for (JsonNode line : lines(file)) {
      assertThat(table).as("one line per key in %s", file).doesNotContainKey(line.path("key").asText());
      table.put(line.path("key").asText(), line.path("value"));
    }
    return table;
  }

  static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
