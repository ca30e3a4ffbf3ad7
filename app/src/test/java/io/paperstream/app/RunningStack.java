package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.config.Settings;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.kafka.KafkaCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

/** Test helpers around running stacks: ingest the fixture pages, wait for the processor, call the API. */
final class RunningStack {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunningStack() {}

  /** A stack of one instance holding the fixture pages (and any {@code moreSources}), processed to the end. */
  record WithData(KafkaCluster cluster, AppStack stack) implements AutoCloseable {

    static WithData start(Settings settings, String... moreSources) {
      KafkaCluster cluster = KafkaCluster.connect(settings);
      AppStack stack = AppStack.start(cluster, settings);
      ingestFixturePages(settings, cluster, moreSources);
      awaitCaughtUp(stack);
      return new WithData(cluster, stack);
    }

    @Override
    public void close() {
      stack.close();
      cluster.close();
    }
  }

  static void ingestFixturePages(Settings settings, KafkaCluster cluster, String... moreSources) {
    List<String> sources = new java.util.ArrayList<>(List.of(TestKafka.pages().toString()));
    sources.addAll(List.of(moreSources));
    try (RawEntryProducer producer = RawEntryProducer.connect(cluster.bootstrapServers(), new Properties(),
        new io.paperstream.processor.app.ProcessorSettings(settings).topics())) {
      new IngestPipeline(new PageSources(new HttpPageFetcher(), LocalDate.parse("2026-03-20")), new PageSplitter(),
          Clock.systemUTC()).run(sources, producer);
    }
  }

  static void awaitCaughtUp(AppStack... stacks) {
    awaitCaughtUp(Duration.ofMinutes(2), stacks);
  }

  static void awaitCaughtUp(Duration atMost, AppStack... stacks) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (AppStack stack : stacks) {
        if (!stack.caughtUp()) {
          return false;
        }
      }
      return true;
    });
  }

  static HttpResponse<String> get(AppStack stack, String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.httpPort() + pathAndQuery));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON answer of a GET that must be a 200. */
  static JsonNode ok(AppStack stack, String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = get(stack, pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
    return json(response);
  }

  /** A GET that must be a 400 whose error says {@code message}. */
  static void assertBadRequest(AppStack stack, String pathAndQuery, String message)
      throws IOException, InterruptedException {
    HttpResponse<String> response = get(stack, pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(400);
    assertThat(json(response).path("error").asText()).as(pathAndQuery).contains(message);
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
