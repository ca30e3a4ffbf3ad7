package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Node consumer ({@code examples/node-consumer}, kafkajs + avsc) decodes the papers
 * and keyword-daily-counts topics of a real broker to the same records as {@code papers export}.
 * Skipped where {@code node} and {@code npm} are not installed.
 */
class NodeConsumerExampleTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "node-consumer").toAbsolutePath().normalize();
  private static final Path SCHEMAS =
      Path.of("..", "schemas", "src", "main", "resources", "avro-history").toAbsolutePath().normalize();

  @TempDir Path dir;

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void nodeConsumerDecodesPapersAndCountsAsPapersExportDoes() throws Exception {
    assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed");
    if (!Files.isDirectory(EXAMPLE.resolve("node_modules"))) {
      assertThat(exec(EXAMPLE, 300, "npm", "ci", "--no-audit", "--no-fund").exit).as("npm ci").isZero();
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir.resolve("kafka")).port(0).build().start()) {
      // given papers and keyword counts processed onto a real broker, and their export
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      Path config = dir.resolve("paperstream.properties");
      StringBuilder settings = new StringBuilder("processor.application-id=node-" + suffix + "\n"
          + "processor.state-dir=" + dir.resolve("state") + "\nprocessor.trend-emit-interval-ms=200\nhttp.port=0\n");
      for (String logical : List.of("raw-entries", "raw-dead-letters", "papers", "keyword-daily-counts",
          "keyword-trends", "processing-dead-letters", "sightings", "fetch-log")) {
        settings.append("topics.").append(logical).append('=').append(logical).append('-').append(suffix).append('\n');
      }
      Files.writeString(config, settings);
      Path out = dir.resolve("out");
      PapersRun run = PapersRun.of("run", "--once", resource("pages").toString(), "--export", out.toString(),
          "--config", config.toString(), "--bootstrap-servers", broker.bootstrapServers());
      assertThat(run.exit()).as(run.err()).isZero();

      // when the Node example reads both topics
      Exec node = exec(EXAMPLE, 120, "node", "consume.js", "--bootstrap", broker.bootstrapServers(),
          "--schemas", SCHEMAS.toString(), "--idle-ms", "3000", "papers-" + suffix, "keyword-daily-counts-" + suffix);

      // then it decoded every record: the latest value per key equals the export's
      assertThat(node.exit).as(node.err).isZero();
      Map<String, Map<String, JsonNode>> latest = new LinkedHashMap<>();
      for (String line : node.out.lines().toList()) {
        JsonNode record = mapper.readTree(line);
        Map<String, JsonNode> table = latest.computeIfAbsent(record.get("topic").asText(), t -> new LinkedHashMap<>());
        if (record.get("value").isNull()) {
          table.remove(record.get("key").asText());
        } else {
          table.put(record.get("key").asText(), record.get("value"));
        }
      }
      Map<String, JsonNode> papers = latest.get("papers-" + suffix);
      Map<String, JsonNode> exportedPapers = ExportedTable.read(out.resolve("papers.jsonl"));
      assertThat(papers).isNotNull().hasSameSizeAs(exportedPapers).isNotEmpty();
      exportedPapers.forEach((id, paper) -> {
        assertThat(papers.get(id).get("title").asText()).isEqualTo(paper.get("title").asText());
        assertThat(papers.get(id).get("keywords")).isEqualTo(paper.get("keywords"));
      });
      Map<String, JsonNode> counts = latest.get("keyword-daily-counts-" + suffix);
      Map<String, JsonNode> exportedCounts = ExportedTable.read(out.resolve("keyword-daily-counts.jsonl"));
      assertThat(counts).isNotNull().hasSameSizeAs(exportedCounts).isNotEmpty();
      exportedCounts.forEach((key, count) ->
          assertThat(counts.get(key).get("count").asLong()).as(key).isEqualTo(count.get("count").asLong()));
    }
  }

  private static boolean onPath(String program) {
    return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  private static Path resource(String folder) throws URISyntaxException {
    return Path.of(NodeConsumerExampleTest.class.getClassLoader().getResource(folder).toURI());
  }

  private Exec exec(Path workDir, long timeoutSeconds, String... command) throws Exception {
    Path stdout = Files.createTempFile(dir, "out", ".txt");
    Path stderr = Files.createTempFile(dir, "err", ".txt");
    Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(workDir.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
    }
    return new Exec(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private record Exec(int exit, String out, String err) {}
}
