package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees: {@code papers run --once} as its own process, with the product's logging
 * (logback.xml, not the tests'), its own broker and data directory. The console carries
 * paperstream's lines only; Kafka's lines are in the log file the run names.
 */
class RunConsoleTest {

  @TempDir Path dir;

  @Test
  void aCleanRunPrintsNoStackTraceAndNoKafkaLines() throws Exception {
    // given a fresh data directory and the product's logging configuration
    Path dataDir = dir.resolve("home");
    Path logback = Path.of("target", "classes", "logback.xml").toAbsolutePath();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=" + logback,
        Papers.class.getName(), "run", "--once", resource("pages"), "--data-dir", dataDir.toString(),
        "--http-port", "0");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PAPERSTREAM_"));
    builder.environment().put("PAPERSTREAM_LOCAL_PORT", "0"); // a broker of its own, on a free port

    // when the run goes to the end
    Process process = builder.start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String console = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    // then it succeeded and said so, naming the log file
    assertThat(finished).as(console).isTrue();
    assertThat(process.exitValue()).as(console).isZero();
    Path logFile = dataDir.resolve("logs").resolve("paperstream.log");
    assertThat(console).contains("run: done: 2 pages, 6 entries").contains(logFile.toString());
    // and the console has no stack trace, no exception and no Kafka client or broker line
    assertThat(console).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(" ERROR ")
        .doesNotContain("org.apache.kafka").doesNotContain("kafka.server");
    // nor set-up chatter (that is in the log file): the status lines say the state
    assertThat(console).doesNotContain("Created topics").doesNotContain("processor CREATED");
    assertThat(Files.readString(logFile)).contains("Created topics");
    // and the data stayed in the data directory
    assertThat(logFile).exists();
    assertThat(dataDir.resolve("kafka")).isDirectory();
    assertThat(dataDir.resolve("streams")).isDirectory();
  }

  private static String resource(String folder) throws URISyntaxException {
    return new File(RunConsoleTest.class.getClassLoader().getResource(folder).toURI()).getPath();
  }
}
