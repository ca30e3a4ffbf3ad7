package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the same application for what only it holds. The request carries
 * {@link #LOCAL_HEADER}, so the other instance answers from its own state and never forwards
 * again: no loops while ownership moves during a rebalance.
 */
final class Forwarder {

  /** Set on forwarded requests: answer from local state only. */
  static final String LOCAL_HEADER = "X-Paperstream-Local";

  // Short: a slow or dead peer must not hold a request long; the caller answers 503 instead.
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ObjectMapper mapper;

  Forwarder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** GET {@code pathAndQuery} (already encoded) on {@code host}; its JSON body, or its error as an {@link ApiError}. */
  JsonNode get(HostInfo host, String pathAndQuery) {
    URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(LOCAL_HEADER, "true").GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ApiError.unavailable("instance " + host + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("interrupted while asking instance " + host, e);
    }
    JsonNode body;
    try {
      body = mapper.readTree(response.body());
    } catch (IOException e) {
      throw ApiError.unavailable("instance " + host + " answered something other than JSON", e);
    }
    if (response.statusCode() != 200) {
      String message = body.path("error").asText("instance " + host + " answered " + response.statusCode());
      throw ApiError.withStatus(response.statusCode(), message);
    }
    return body;
  }
}
