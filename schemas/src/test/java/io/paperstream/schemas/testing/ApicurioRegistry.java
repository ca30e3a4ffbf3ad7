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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apicurio Registry (in-memory storage) for one test class, started as a child JVM from
 * the Quarkus application that Maven unpacks before the tests ({@code unpack-apicurio-registry}
 * in the parent POM), serving the Confluent-compatible API that paperstream's registry mode talks
 * to: {@code @RegisterExtension static final ApicurioRegistry REGISTRY = new ApicurioRegistry();}.
 * It starts in seconds; tests share it, so each uses topic names of its own.
 */
public final class ApicurioRegistry implements BeforeAllCallback, AfterAllCallback {

  /** A loaded 2-core machine starts it in well under this; an idle one in about 10 s. */
  private static final Duration START_WITHIN = Duration.ofSeconds(150);
  private Process process;
  private int port;
  private Path log;

  /** Starts the registry on a free loopback port and waits until its API answers. */
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path home = Path.of(System.getProperty("apicurio.registry.dir", "target/apicurio-registry"));
    Path jar = runnerJar(home);
    port = freePort();
    log = Files.createTempFile("apicurio-registry-", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitAnswer();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (process != null) {
      stop();
    }
  }

  /** The base URL of the Confluent-compatible API: what {@code schema.registry.url} takes. */
  public String ccompatUrl() {
    return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
  }

  private void stop() {
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
      stop();
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
