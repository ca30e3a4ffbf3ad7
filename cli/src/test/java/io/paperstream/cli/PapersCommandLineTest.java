package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.config.PipelineTopics;
import io.paperstream.kafka.EmbeddedKafkaBroker;
import io.paperstream.schemas.Topics;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The papers command line, run in-process exactly as a user runs it. */
class PapersCommandLineTest {

  @TempDir Path dir;

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void everyCommandHasHelp() {
    // every command papers has, not a list kept by hand: a command's own option named like a
    // standard one (train-keywords once had --version) broke its --help unnoticed
    for (String command : Papers.commandLine().getSubcommands().keySet()) {
      for (String help : List.of("--help", "-h")) {
        PapersRun run = run(command, help);
        assertThat(run.exit()).as(command + " " + help).isZero();
        assertThat(run.out()).as(command + " " + help).contains("Usage: papers " + command);
      }
    }
  }

  @Test
  void exportsHelpNamesEveryTopicAndEveryTableTopic() {
    // when export's help is asked for
    String help = run("export", "--help").out().replaceAll("\\s+", " ");

    // then it names every topic it accepts, and says which are tables, from the topic definitions
    Topics topics = Topics.defaults();
    String tables = help.substring(help.indexOf("Table topics ("), help.indexOf(") print the latest value"));
    for (String logical : Topics.DEFAULT_NAMES.keySet()) {
      assertThat(help).as(logical).contains(logical);
      assertThat(tables.contains(logical)).as(logical + " among the table topics")
          .isEqualTo(PipelineTopics.isTable(topics, topics.find(logical).orElseThrow()));
    }
  }

  @Test
  void splitPrintsEntriesAsJsonAndDeadLettersOnStderr() throws Exception {
    // given a folder with a text page and an API page holding one bad element
    Path pages = resource("pages");

    // when it is split offline, dead letters also written to a file
    Path deadLetters = dir.resolve("dead.jsonl");
    PapersRun run = run("split", pages.toString(), "--dead-letters", deadLetters.toString());

    // then stdout has one JSON object per entry, by schema field names
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3 + 3);
    JsonNode first = mapper.readTree(lines.get(0));
    assertThat(first.get("sourceKind").asText()).isEqualTo("API_JSON");
    assertThat(first.get("arxivId").asText()).isEqualTo("2601.00001");
    assertThat(first.has("abstract")).isTrue();
    // and the bad element is a located dead letter on stderr and in the file, with a summary
    assertThat(run.err()).contains("daily-2026-01-02.json position 2").contains("split: 2 pages");
    assertThat(Files.readAllLines(deadLetters)).hasSize(1)
        .allSatisfy(line -> assertThat(mapper.readTree(line).get("position").asInt()).isEqualTo(2));
    assertThat(run.exit()).isZero();
  }

  @Test
  void splitReadsItsLimitsFromTheConfigurationFile() throws Exception {
    // given a configuration file whose title limit every fixture title exceeds
    Path config = Files.writeString(dir.resolve("tight.properties"), "split.max-title-chars=5\n");

    // when the pages are split with it
    PapersRun run = run("split", resource("pages").toString(), "--config", config.toString());

    // then no entry passes, and each dead letter names the setting
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("over the limit of 5 (split.max-title-chars)");
    assertThat(run.exit()).isZero();
  }

  @Test
  void missingSourceIsOneClearUsageError() {
    PapersRun run = run("split", dir.resolve("missing.txt").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("missing.txt").contains("no such file").doesNotContain("Exception");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void missingSourceIsReportedBeforeAnythingStarts() {
    // given a SOURCE that does not exist and a cluster that cannot be reached
    String missing = dir.resolve("fixtures/seeds").toString();
    for (String command : List.of("run", "ingest")) {
      // when the command runs
      long started = System.nanoTime();
      PapersRun run = run(command, missing, "--bootstrap-servers", "127.0.0.1:1");

      // then it fails at once on the SOURCE, naming it and why, before Kafka is even asked
      assertThat(run.exit()).as(command).isEqualTo(2);
      assertThat(run.err()).as(command).contains("SOURCE " + missing + ": no such file or folder")
          .contains("nothing was started").doesNotContain("127.0.0.1:1");
      assertThat(run.err().lines()).as(command).hasSize(1);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as(command).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void badOptionValuesAreOneLineAndExitTwo() {
    Map<List<String>, String> cases = Map.of(
        List.of("split", "--as-of", "yesterday", "x.txt"), "'yesterday' is not a date YYYY-MM-DD",
        List.of("run", "--as-of", "2026-13-01"), "'2026-13-01' is not a date YYYY-MM-DD",
        List.of("feed", "--every", "0s"), "--every 0s: setting feed.interval must be positive",
        List.of("feed", "--every", "soon"), "--every: not a duration: 'soon'",
        List.of("run", "--http-port", "70000"), "--http-port 70000: not a port");
    cases.forEach((args, expected) -> {
      PapersRun run = run(args.toArray(String[]::new));

      assertThat(run.exit()).as(args.toString()).isEqualTo(2);
      assertThat(run.err()).as(args.toString()).contains(expected).contains("--help shows the usage")
          .doesNotContain("Exception").doesNotContain("Usage:");
      assertThat(run.err().lines()).as(args.toString()).hasSize(1);
    });
  }

  @Test
  void unreachableClusterFailsWithinTheCheckTimeoutNamingTheServer() throws Exception {
    // given nothing listening on port 1 and a check timeout of 2 s
    Path config = dir.resolve("check.properties");
    Files.writeString(config, "cluster.check-timeout=2s\n");
    // (process shares KafkaCluster.connect with these)
    for (String command : List.of("export", "ingest", "feed", "run")) {
      List<String> args = new java.util.ArrayList<>(List.of(command));
      if (command.equals("export")) {
        args.add("papers");
      } else if (command.equals("ingest")) {
        args.add(resource("pages").toString());
      }
      args.addAll(List.of("--bootstrap-servers", "127.0.0.1:1", "--config", config.toString()));

      // when the command runs against it
      long started = System.nanoTime();
      PapersRun run = run(args.toArray(String[]::new));

      // then it fails within the bounded time, in one line naming the server and the reason
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(run.exit()).as(command).isEqualTo(1);
      assertThat(run.err()).as(command).contains("papers " + command + ": cannot use Kafka at 127.0.0.1:1: "
          + "no broker answered within 2 s");
      assertThat(run.err().lines()).as(command).hasSize(1);
      // bounded: the 2 s check plus client start-up on a loaded machine, not the 30 s (or, for
      // export, forever) of clients retrying on their own
      assertThat(took).as(command).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void badBootstrapAddressIsNamedWithTheReason() {
    PapersRun run = run("export", "papers", "--bootstrap-servers", "garbage");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("cannot use Kafka at garbage: not a usable address")
        .doesNotContain("Failed to construct");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void ingestThenExportRoundTripsThroughARealBroker() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir.resolve("kafka")).port(0).build().start()) {
      // given pages ingested to fresh topics
      Path config = dir.resolve("paperstream.properties");
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      Files.writeString(config, "topics.raw-entries=raw-" + suffix + "\ntopics.raw-dead-letters=dlq-" + suffix + "\n");
      PapersRun ingest = run("ingest", resource("pages").toString(), "--config", config.toString(),
          "--bootstrap-servers", broker.bootstrapServers());
      assertThat(ingest.exit()).as(ingest.err()).isZero();
      assertThat(ingest.err()).contains("ingest: 2 pages").contains("6 entries");

      // when the raw entries and dead letters are exported
      PapersRun entries = run("export", "raw-entries", "--config", config.toString(),
          "--bootstrap-servers", broker.bootstrapServers());
      PapersRun deadLetters = run("export", "raw-dead-letters", "--config", config.toString(),
          "--bootstrap-servers", broker.bootstrapServers());

      // then every entry and the dead letter come back as JSON
      assertThat(entries.exit()).as(entries.err()).isZero();
      assertThat(entries.out().lines()).hasSize(6)
          .allSatisfy(line -> assertThat(mapper.readTree(line).get("value").get("title").asText()).isNotBlank());
      assertThat(deadLetters.out().lines()).hasSize(1);
    }
  }

  private static Path resource(String folder) throws URISyntaxException {
    return Path.of(PapersCommandLineTest.class.getClassLoader().getResource(folder).toURI());
  }

  private static PapersRun run(String... args) {
    return PapersRun.of(args);
  }
}
