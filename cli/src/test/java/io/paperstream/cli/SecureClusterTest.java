package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paperstream.kafka.testing.KafkaTestCluster;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that accepts only SASL/PLAIN clients: the security settings, written once in the
 * configuration file as {@code kafka.*}, must reach every client of every command (admin,
 * producer, Kafka Streams with its own consumers and producers, the export consumer), or the
 * command cannot work at all.
 */
class SecureClusterTest {

  /** A wrong password must fail fast, not wait out Kafka's default timeouts (60 s and more). */
  private static final Duration FAIL_WITHIN = Duration.ofSeconds(45);

  private static KafkaTestCluster cluster;

  @TempDir Path dir;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = KafkaTestCluster.startWithSaslPlain(1);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void securitySettingsInTheConfigFileReachEveryClient() throws Exception {
    // given a configuration file with the cluster's SASL settings and nothing else about security
    Path config = config(KafkaTestCluster.SASL_PASSWORD);
    Path out = dir.resolve("out");

    // when the whole pipeline runs once over two pages and exports its topics
    PapersRun run = PapersRun.of("run", "--once", resource("pages").toString(), "--export", out.toString(),
        "--config", config.toString());

    // then it ingested, processed and exported through the secured listener
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("papers.jsonl"))).isNotEmpty();
    assertThat(Files.readAllLines(out.resolve("keyword-daily-counts.jsonl"))).isNotEmpty();
    // and a separate consumer (papers export) reads the same papers
    PapersRun export = PapersRun.of("export", "papers", "--config", config.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.out().lines()).hasSameSizeAs(Files.readAllLines(out.resolve("papers.jsonl")));
  }

  @Test
  void wrongPasswordIsOneClearLineNotAHang() throws Exception {
    Path config = config("not-the-password");
    for (List<String> command : List.of(
        List.of("ingest", resource("pages").toString()),
        List.of("export", "papers"),
        List.of("run", "--once", resource("pages").toString()))) {
      // when a command runs with a wrong password
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--config", config.toString()));
      PapersRun run = assertTimeoutPreemptively(FAIL_WITHIN, () -> PapersRun.of(args.toArray(String[]::new)),
          String.join(" ", command));

      // then it fails in one line that says why
      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      List<String> lines = run.err().lines().filter(line -> !line.isBlank()).toList();
      assertThat(lines).as(run.err()).hasSize(1);
      assertThat(lines.get(0)).as(command.get(0)).startsWith("papers " + command.get(0) + ": ")
          .containsIgnoringCase("authentication failed");
    }
  }

  private Path config(String password) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Properties settings = new Properties();
    settings.setProperty("bootstrap.servers", cluster.bootstrapServers());
    KafkaTestCluster.saslClientProperties(KafkaTestCluster.SASL_USER, password)
        .forEach((key, value) -> settings.setProperty("kafka." + key, (String) value));
    for (String logical : List.of("raw-entries", "raw-dead-letters", "papers", "keyword-daily-counts", "keyword-trends",
        "processing-dead-letters", "sightings", "fetch-log")) {
      settings.setProperty("topics." + logical, logical + "-" + suffix);
    }
    settings.setProperty("processor.application-id", "secure-" + suffix);
    settings.setProperty("processor.state-dir", dir.resolve("state").toString());
    settings.setProperty("processor.trend-emit-interval-ms", "200");
    settings.setProperty("http.port", "0");
    Path file = dir.resolve("paperstream-" + suffix + ".properties");
    try (var writer = Files.newBufferedWriter(file)) {
      settings.store(writer, null);
    }
    return file;
  }

  private static Path resource(String folder) throws URISyntaxException {
    return Path.of(SecureClusterTest.class.getClassLoader().getResource(folder).toURI());
  }
}
