package io.paperstream.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.schemas.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code papers ingest} run again (after a crash, or by mistake) sends nothing it already produced. */
class IngestCommandRerunTest {

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @TempDir Path folder;

  private Topics topics;
  private Path config;
  private Path pages;

  @BeforeEach
  void pagesAndOwnTopics() throws IOException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    topics = Topics.named(logical -> logical + "-" + suffix);
    config = folder.resolve("paperstream.properties");
    StringBuilder names = new StringBuilder();
    for (String logical : Topics.DEFAULT_NAMES.keySet()) {
      names.append("topics.").append(logical).append('=').append(logical).append('-').append(suffix).append('\n');
    }
    Files.writeString(config, names);
    pages = Files.createDirectories(folder.resolve("pages"));
    Files.writeString(pages.resolve("2025-01-10.json"), "[{\"paper\":{\"id\":\"2501.00001\",\"title\":\"Invented Tides\"}},"
        + "{\"paper\":{\"id\":\"2501.00002\",\"title\":\"Invented Waves\"}}, 42]");
    Files.writeString(pages.resolve("2025-01-11.json"), "[{\"paper\":{\"id\":\"2501.00003\",\"title\":\"Invented Reefs\"}}]");
  }

  @Test
  void aSecondRunProducesNothingAndSaysSo() {
    // given a first run
    Run first = ingest();
    assertThat(first.exit()).isZero();
    assertThat(first.err()).contains("2 pages (2 API_JSON), 3 entries, 1 dead letter");

    // when the same pages are ingested again
    Run second = ingest();

    // then nothing more arrives, and the summary says why
    assertThat(second.exit()).isZero();
    assertThat(second.err()).contains("0 pages, 0 entries, 0 dead letters")
        .contains("2 pages already ingested, skipped");
    assertThat(TopicContents.readAll(KAFKA.bootstrapServers(), topics.rawEntries())).hasSize(3);
    assertThat(TopicContents.readAll(KAFKA.bootstrapServers(), topics.rawDeadLetters())).hasSize(1);
  }

  @Test
  void aChangedPageIsSentAgainAndForceSendsEverything() throws IOException {
    // given a first run, then one page changes
    assertThat(ingest().exit()).isZero();
    Files.writeString(pages.resolve("2025-01-11.json"), "[{\"paper\":{\"id\":\"2501.00003\",\"title\":\"Invented Reefs\"}},"
        + "{\"paper\":{\"id\":\"2501.00004\",\"title\":\"Invented Kelp\"}}]");

    // when
    Run changed = ingest();
    Run forced = ingest("--force");

    // then
    assertThat(changed.err()).contains("1 page (1 API_JSON), 2 entries").contains("1 page already ingested, skipped");
    assertThat(forced.err()).contains("2 pages (2 API_JSON), 4 entries").doesNotContain("skipped");
    assertThat(TopicContents.readAll(KAFKA.bootstrapServers(), topics.rawEntries())).hasSize(3 + 2 + 4);
  }

  private record Run(int exit, String err) {}

  private Run ingest(String... extra) {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new IngestCommand());
    command.setErr(new PrintWriter(err, true));
    command.setOut(new PrintWriter(new StringWriter(), true));
    String[] args = new String[extra.length + 5];
    args[0] = "--bootstrap-servers";
    args[1] = KAFKA.bootstrapServers();
    args[2] = "--config";
    args[3] = config.toString();
    args[4] = pages.toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return new Run(command.execute(args), err.toString());
  }
}
