package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code papers run} without SOURCE follows the daily feed, and what it fetches is served. */
class RunFollowsFeedTest {

  @TempDir Path work;

  @Test
  void runWithoutSourceFollowsTheDailyFeed() throws Exception {
    // given a digest site whose listing for today holds the fixture API page (two papers, one bad element)
    byte[] today = Files.readAllBytes(TestKafka.pages().resolve("daily-2026-03-20.json"));
    String todayParam = "date=" + LocalDate.now(ZoneOffset.UTC);
    HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/api/daily_papers", exchange -> {
      byte[] body = exchange.getRequestURI().getQuery().contains(todayParam) ? today : "[]".getBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    site.start();
    int httpPort = freePort();
    Path config = work.resolve("paperstream.properties");
    Map<String, String> settings = TestKafka.uniqueSettings("run-feed", work.resolve("state"));
    settings.put("feed.base-url", "http://127.0.0.1:" + site.getAddress().getPort());
    settings.put("feed.look-back-days", "1");
    writeConfig(config, settings);
    RunCommand command = new RunCommand();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(command)
        .setErr(new PrintWriter(err, true))
        .execute("--bootstrap-servers", TestKafka.bootstrapServers(), "--config", config.toString(),
            "--http-port", String.valueOf(httpPort)));
    try {
      // when it has run a cycle, then the papers of today's listing are served
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper json = new ObjectMapper();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
        HttpResponse<String> papers = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + httpPort + "/api/papers?limit=50")).build(),
            HttpResponse.BodyHandlers.ofString());
        JsonNode list = json.readTree(papers.body()).path("papers");
        return papers.statusCode() == 200 && list.size() == 2;
      });
      assertThat(err.toString()).contains("following the daily feed at http://127.0.0.1:");
      // and the console says when the processor has caught up, with the exact count
      await().atMost(Duration.ofMinutes(1)).until(() -> err.toString().contains("run: caught up: 2 papers"));
      // and the health report tells how the feed is doing
      JsonNode feed = json.readTree(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + httpPort + "/api/health")).build(), HttpResponse.BodyHandlers.ofString())
          .body()).path("feed");
      assertThat(feed.path("state").asText()).isEqualTo("ok");
      assertThat(feed.path("lastSuccessAt").asText()).isNotBlank();
      assertThat(feed.path("failuresInARow").asLong()).isZero();
    } finally {
      // and it stops cleanly, as on SIGTERM
      command.stop();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
      site.stop(0);
    }
  }

  @Test
  void anOfflineFirstRunSaysWhatIsWrongAndHowToProcessFilesInstead() throws Exception {
    // given a feed whose site cannot be reached (nothing listens on its port)
    int closedPort = freePort();
    int httpPort = freePort();
    Path config = work.resolve("offline.properties");
    Map<String, String> settings = TestKafka.uniqueSettings("run-offline", work.resolve("state"));
    settings.put("feed.base-url", "http://127.0.0.1:" + closedPort);
    settings.put("feed.look-back-days", "0");
    settings.put("fetch.retries", "0");
    writeConfig(config, settings);
    RunCommand command = new RunCommand();
    StringWriter err = new StringWriter();
    Instant started = Instant.now();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(command)
        .setErr(new PrintWriter(err, true))
        .execute("--bootstrap-servers", TestKafka.bootstrapServers(), "--config", config.toString(),
            "--http-port", String.valueOf(httpPort)));
    try {
      // when its first cycle has failed
      await().atMost(Duration.ofMinutes(2)).until(() -> err.toString().contains("run: the feed cannot read"));

      // then the console says what is wrong, when it tries again and how to process files instead
      assertThat(err.toString()).contains("run: the feed cannot read http://127.0.0.1:" + closedPort)
          .contains("it tries again at ").contains("Process files instead: papers run FILE-OR-FOLDER");
      // and the health report says the feed is failing, since when, and a next attempt really ahead
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper json = new ObjectMapper();
      JsonNode feed = json.readTree(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + httpPort + "/api/health")).build(), HttpResponse.BodyHandlers.ofString())
          .body()).path("feed");
      assertThat(feed.path("state").asText()).isEqualTo("failing");
      assertThat(feed.path("failuresInARow").asLong()).isEqualTo(1);
      assertThat(feed.path("lastSuccessAt").isNull()).isTrue();
      assertThat(feed.path("lastError").asText()).isNotBlank();
      Instant failedAt = Instant.parse(feed.path("lastFailureAt").asText());
      assertThat(Instant.parse(feed.path("nextAttemptAt").asText())).isAfter(failedAt.plus(Duration.ofMinutes(30)));
      assertThat(failedAt).isAfter(started);
      // and the failed fetch is counted where monitoring looks for it
      String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("paperstream_fetches_total{outcome=\"failed\"} 1.0");
    } finally {
      command.stop();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    }
  }

  private static void writeConfig(Path config, Map<String, String> settings) throws IOException {
    try (Writer out = Files.newBufferedWriter(config)) {
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        out.write(setting.getKey() + "=" + setting.getValue() + "\n");
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
