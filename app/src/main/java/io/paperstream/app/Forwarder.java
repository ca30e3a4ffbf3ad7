package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the same application for what only it holds. The request carries
 * {@link #LOCAL_HEADER}, so the other instance answers from its own state and never forwards
 * again: no loops while ownership moves during a rebalance. Instances share their HTTP settings,
 * so a forwarded request uses this instance's scheme (TLS or not) and bearer token.
 */
final class Forwarder {

  /** Set on forwarded requests: answer from local state only. */
  static final String LOCAL_HEADER = "X-Paperstream-Local";

  // Short: a slow or dead peer must not hold a request long; the caller answers 503 instead.
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient client;
  private final ObjectMapper mapper;
  private final String scheme;
  private final String token;

  private Forwarder(ObjectMapper mapper, SSLContext tls, String token) {
    this.mapper = mapper;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.client = builder.build();
    this.scheme = tls == null ? "http" : "https";
    this.token = token;
  }

  /** Plain HTTP, no token. */
  static Forwarder plain(ObjectMapper mapper) {
    return new Forwarder(mapper, null, null);
  }

  /** HTTPS trusting {@code tls} when not null; {@code token} sent as a bearer token when not null. */
  static Forwarder of(ObjectMapper mapper, SSLContext tls, String token) {
    return new Forwarder(mapper, tls, token);
  }

  /** GET {@code pathAndQuery} (already encoded) on {@code host}; its JSON body, or its error as an {@link ApiError}. */
  JsonNode get(HostInfo host, String pathAndQuery) {
    URI uri = URI.create(scheme + "://" + host.host() + ":" + host.port() + pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(LOCAL_HEADER, "true").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
