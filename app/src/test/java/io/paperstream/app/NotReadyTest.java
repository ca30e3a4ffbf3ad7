package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.processor.enrich.KeywordExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Before the processor is attached (starting, or rebalancing) queries get 503 with Retry-After. */
class NotReadyTest {

  @Test
  void queriesBeforeTheProcessorIsReadyAre503WithRetryAfter() throws Exception {
    // given the HTTP server up but no processor attached yet
    ObjectMapper mapper = new ObjectMapper();
    QueryService queries = new QueryService(new KeywordExtractor(), mapper);
    Health health = new Health(() -> null, null, queries, "not-ready", "raw", mapper);
    try (AppMetrics metrics = new AppMetrics();
        HttpApi http = HttpApi.start("127.0.0.1", 0, queries, health, metrics, mapper)) {
      HttpClient client = HttpClient.newHttpClient();
      for (String path : new String[] {"/api/trending", "/api/papers/2603.00101", "/api/papers", "/feed.xml"}) {
        // when asked
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        // then: try again shortly
        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("2");
        assertThat(mapper.readTree(response.body()).path("error").asText()).contains("starting");
      }
      // and bad parameters are still reported as such
      HttpResponse<String> bad = client.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + http.port() + "/api/trending?limit=0")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void atomTextLosesOnlyWhatXmlCannotCarry() {
    assertThat(Feeds.xmlSafe("a\u0000b\u0007c <&> \t\n\"é\"")).isEqualTo("abc <&> \t\n\"é\"");
  }
}
