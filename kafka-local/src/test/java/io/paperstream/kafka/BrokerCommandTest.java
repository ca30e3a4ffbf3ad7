package io.paperstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.config.DataDir;
import io.paperstream.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerCommandTest {

  private static final Pattern READY = Pattern.compile("broker ready at (127\\.0\\.0\\.1:\\d+)");

  @TempDir
  Path dataDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine(BrokerCommand command) {
    return new CommandLine(command)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
  }

  @Test
  void runsTheBrokerUntilAskedToStop() throws Exception {
    // given the command running in the background
    BrokerCommand command = new BrokerCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
        commandLine(command).execute("--data-dir", dataDir.toString(), "--port", "0"));

    // when it reports readiness
    await().atMost(Duration.ofSeconds(30)).until(() -> READY.matcher(out.toString()).find()
        || exit.isDone());
    Matcher ready = READY.matcher(out.toString());
    assertThat(ready.find()).as("stdout: %s, stderr: %s", out, err).isTrue();

    // then clients can use the broker it names, and it stops cleanly on request
    try (Admin admin = TestClients.admin(ready.group(1))) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(1);
    }
    assertThat(out.toString()).contains(dataDir.toString());
    command.requestStop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void withoutFlagsTheBrokerIsWhereTheOtherCommandsLookForIt() throws Exception {
    // given the settings every command reads: a data directory and any free port (local.port=0)
    Settings configured = Settings.load(null, Map.of("PAPERSTREAM_DATA_DIR", dataDir.toString(),
        "PAPERSTREAM_LOCAL_PORT", "0"));
    BrokerCommand command = new BrokerCommand(() -> configured);

    // when the broker runs without flags
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine(command).execute());
    await().atMost(Duration.ofSeconds(30)).until(() -> READY.matcher(out.toString()).find() || exit.isDone());

    // then it keeps its data where KafkaCluster.connect looks for the local broker (<data-dir>/kafka),
    // on a port the setting chose rather than the default 9092
    Matcher ready = READY.matcher(out.toString());
    assertThat(ready.find()).as("stdout: %s, stderr: %s", out, err).isTrue();
    assertThat(ready.group(1)).isNotEqualTo("127.0.0.1:" + LocalKafka.DEFAULT_PORT);
    assertThat(out.toString()).contains("data in " + DataDir.kafka(configured));
    assertThat(DataDir.kafka(configured)).isEqualTo(dataDir.resolve("kafka"));
    command.requestStop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void explainsAnUnusableDataDirectory() throws Exception {
    // given a file where the data directory should be (and any free port, so the port check passes)
    Path file = Files.writeString(dataDir.resolve("file"), "x");

    // when
    int exit = commandLine(new BrokerCommand()).execute("--data-dir", file.toString(), "--port", "0");

    // then
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(file.toString()).contains("not a directory");
  }

  @Test
  void describesItsOptions() {
    // given / when
    int exit = commandLine(new BrokerCommand()).execute("--help");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("--data-dir", "--port", "local.port", "9092");
  }
}
