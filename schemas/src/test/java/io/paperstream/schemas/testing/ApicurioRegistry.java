package io.paperstream.schemas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Apicurio Registry (in-memory storage), started as a child JVM from the Quarkus
 * application that Maven unpacks before the tests ({@code unpack-apicurio-registry} in the
 * parent POM), serving the Confluent-compatible API that paperstream's registry mode talks to.
 * Start one per test class: it takes seconds.
 */
public final class ApicurioRegistry implements AutoCloseable {

  /** A loaded 2-core machine starts it in well under this; an idle one in about 10 s. */
  private static final Duration START_WITHIN = Duration.ofSeconds(150);

  private final Process process;
  private final int port;
  private final Path log;

  private ApicurioRegistry(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the registry on a free loopback port and waits until its API answers. */
  public static ApicurioRegistry start() throws IOException {
    Path home = Path.of(System.getProperty("apicurio.registry.dir", "target/apicurio-registry"));
    Path jar = runnerJar(home);
    int port = freePort();
    Path log = Files.createTempFile("apicurio-registry-", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ApicurioRegistry registry = new ApicurioRegistry(process, port, log);
    try {
      registry.awaitAnswer();
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** The base URL of the Confluent-compatible API: what {@code schema.registry.url} takes. */
  public String ccompatUrl() {
    return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitAnswer() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(ccompatUrl() + "/subjects")).timeout(Duration.ofSeconds(5)).build();
    try {
      Awaitility.await().atMost(START_WITHIN).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue()
                  + " before it answered; its log: " + log + " (" + lastLine() + ")");
            }
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("Apicurio Registry did not answer " + ccompatUrl() + " within "
          + START_WITHIN.toSeconds() + " s" + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")")
          + "; its log: " + log + " (" + lastLine() + ")");
    }
  }

  private String lastLine() {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(line -> !line.isBlank()).reduce((first, second) -> second).orElse("empty");
    } catch (IOException | UncheckedIOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  // 3.x ships quarkus-run.jar beside lib/, 2.x an <artifact>-runner.jar.
  private static Path runnerJar(Path home) throws IOException {
    if (Files.isDirectory(home)) {
      try (Stream<Path> files = Files.list(home)) {
        var runner = files.filter(p -> p.getFileName().toString().matches("quarkus-run\\.jar|.*-runner\\.jar")).findFirst();
        if (runner.isPresent()) {
          return runner.get();
        }
      }
    }
    throw new IllegalStateException("no Apicurio Registry application in " + home.toAbsolutePath()
        + ": run the tests through Maven (./mvnw verify), which unpacks io.apicurio:apicurio-registry-app there");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
