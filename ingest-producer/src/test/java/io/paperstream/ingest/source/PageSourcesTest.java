package io.paperstream.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageSourcesTest {

  @TempDir Path dir;

  private HttpServer server;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/page.json", exchange -> respond(exchange, 200, "application/json", "[]"));
    server.createContext("/missing", exchange -> respond(exchange, 404, "text/plain", "no"));
    server.createContext("/huge", exchange -> respond(exchange, 200, "text/plain", "x".repeat(5_000)));
    server.createContext("/agent", exchange -> respond(exchange, 200, "text/plain",
        exchange.getRequestHeaders().getFirst("User-Agent")));
    // a listing on two pages, the second linking to another host, and a page that links to itself
    server.createContext("/listing", exchange -> {
      boolean second = "p=1".equals(exchange.getRequestURI().getRawQuery());
      exchange.getResponseHeaders().add("Link", second
          ? "<http://elsewhere.example/listing?p=2>; rel=\"next\"" : "</listing?p=1>; rel=\"next\"");
      respond(exchange, 200, "application/json", second ? "[2]" : "[1]");
    });
    server.createContext("/loop", exchange -> {
      exchange.getResponseHeaders().add("Link", "</loop>; rel=next");
      respond(exchange, 200, "application/json", "[]");
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void folderIsWalkedInOrderReadingOnlyPageFiles() throws IOException {
    // given a folder with pages, a nested folder, and files that are not pages
    Files.writeString(dir.resolve("b.json"), "[]");
    Files.createDirectories(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/a.txt"), "x");
    Files.writeString(dir.resolve("c.html"), "<html></html>");
    Files.writeString(dir.resolve("README.md"), "# notes");
    Files.writeString(dir.resolve(".hidden.txt"), "x");

    // when it is read
    List<FetchOutcome> outcomes = read(List.of(dir.toString()), null);

    // then only the pages come, sorted by path, with content types from their endings
    assertThat(outcomes).allMatch(o -> o instanceof FetchOutcome.Fetched);
    assertThat(outcomes).extracting(o -> Path.of(java.net.URI.create(o.source())).getFileName().toString())
        .containsExactly("b.json", "c.html", "a.txt");
    assertThat(((FetchOutcome.Fetched) outcomes.get(0)).page().contentType()).isEqualTo("application/json");
  }

  @Test
  void fileModificationTimeIsTheFetchTimeAndAsOfDefaultsToIt() throws IOException {
    Path page = Files.writeString(dir.resolve("page.txt"), "x");
    Files.setLastModifiedTime(page, FileTime.from(Instant.parse("2025-03-04T05:06:07Z")));

    FetchOutcome.Fetched byDefault = (FetchOutcome.Fetched) read(List.of(page.toString()), null).get(0);
    FetchOutcome.Fetched explicit = (FetchOutcome.Fetched) read(List.of(page.toString()), LocalDate.parse("2026-01-01")).get(0);

    assertThat(byDefault.page().fetchedAt()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
    assertThat(byDefault.page().asOf()).isEqualTo(LocalDate.parse("2025-03-04"));
    assertThat(byDefault.page().source()).startsWith("file:/").endsWith("page.txt");
    assertThat(explicit.page().asOf()).isEqualTo(LocalDate.parse("2026-01-01"));
  }

  @Test
  void urlsAreFetchedWithTheProjectsUserAgent() {
    List<FetchOutcome> outcomes = read(List.of(base + "/page.json", base + "/agent"), null);

    FetchOutcome.Fetched json = (FetchOutcome.Fetched) outcomes.get(0);
    assertThat(json.page().contentType()).isEqualTo("application/json");
    assertThat(new String(json.page().body(), StandardCharsets.UTF_8)).isEqualTo("[]");
    assertThat(new String(((FetchOutcome.Fetched) outcomes.get(1)).page().body(), StandardCharsets.UTF_8))
        .startsWith("paperstream/");
  }

  @Test
  void aUrlsNextPagesAreReadOnItsHostOnly() {
    // given a listing on two pages whose second links to another host, and a page that links to itself

    // when both are read
    List<FetchOutcome> outcomes = read(List.of(base + "/listing", base + "/loop"), null);

    // then the listing's two pages come, the foreign link is not followed, the loop is read once
    assertThat(outcomes).extracting(FetchOutcome::source)
        .containsExactly(base + "/listing", base + "/listing?p=1", base + "/loop");
    assertThat(outcomes).extracting(o -> new String(((FetchOutcome.Fetched) o).page().body(), StandardCharsets.UTF_8))
        .containsExactly("[1]", "[2]", "[]");
  }

  @Test
  void unreadableSourcesAreNamedFailuresNotExceptions() {
    // given a missing file, a 404, an oversized page and a bad URL
    List<String> sources = List.of(dir.resolve("nope.txt").toString(), base + "/missing", base + "/huge", "http://[bad");

    // when they are read
    List<FetchOutcome> outcomes = read(sources, null);

    // then each is a failure that says which source and why
    assertThat(outcomes).hasSize(4).allMatch(o -> o instanceof FetchOutcome.Failed);
    assertThat(outcomes).extracting(o -> ((FetchOutcome.Failed) o).reason())
        .satisfiesExactly(
            r -> assertThat(r).contains("no such file"),
            r -> assertThat(r).contains("HTTP 404"),
            r -> assertThat(r).contains("limit"),
            r -> assertThat(r).contains("not a valid URL"));
    assertThat(outcomes.get(1).source()).isEqualTo(base + "/missing");
  }

  private List<FetchOutcome> read(List<String> sources, LocalDate asOf) {
    HttpPageFetcher fetcher = new HttpPageFetcher(Duration.ofSeconds(5), 1_000, Clock.systemUTC());
    List<FetchOutcome> outcomes = new ArrayList<>();
    new PageSources(fetcher, asOf).forEach(sources, outcomes::add);
    return outcomes;
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
