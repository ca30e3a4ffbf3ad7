package io.paperstream.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A client of the Confluent Schema Registry REST API, which Confluent's registry, Apicurio
 * Registry ({@code /apis/ccompat/v7}), Karapace and Redpanda all serve: register a schema under
 * a subject, fetch a schema by id, set a subject's compatibility level. Answers are cached (an
 * id never changes its schema), so a running client asks once per subject and once per id.
 *
 * <p>Every request waits at most {@link Config#timeout()}; every failure is one line naming the
 * registry's URL and the request.
 */
public final class SchemaRegistryClient {

  /**
   * @param url the API's base URL (e.g. {@code http://registry:8081}, or Apicurio's
   *     {@code http://registry:8080/apis/ccompat/v7})
   * @param userInfo {@code user:password} for HTTP basic authentication; null: none
   * @param compatibility the level set on every subject before its first registration
   *     ({@code BACKWARD_TRANSITIVE}, ...); null: leave the registry's
   * @param timeout the longest wait for one request, connecting included
   */
  public record Config(URI url, String userInfo, String compatibility, Duration timeout) {
    public Config {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(timeout, "timeout");
      if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("schema registry URL must be http(s)://...: " + url);
      }
      url = URI.create(url.toString().replaceAll("/+$", ""));
      compatibility = compatibility == null ? null : compatibility.toUpperCase(Locale.ROOT);
    }
  }

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final Config config;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public SchemaRegistryClient(Config config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  public URI url() {
    return config.url();
  }

  /**
   * The id of {@code schema} under {@code subject}, registering it (after setting the subject's
   * compatibility level) when the subject does not have it yet. The registry refuses a schema
   * incompatible with the subject's earlier versions: a {@link SchemaRegistryException}.
   */
  public int register(String subject, Schema schema) {
    return idsBySubjectAndSchema.computeIfAbsent(subject + "\n" + schema, key -> {
      if (config.compatibility() != null) {
        setCompatibility(subject, config.compatibility());
      }
      JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions",
          json.createObjectNode().put("schema", schema.toString()));
      int id = answer.path("id").asInt(-1);
      if (id < 0) {
        throw new SchemaRegistryException(where() + ": registering under " + subject + " answered no id: " + answer);
      }
      schemasById.putIfAbsent(id, schema);
      return id;
    });
  }

  /** The schema with registry id {@code id}; one the registry does not know is the record's fault. */
  public Schema schema(int id) {
    return schemasById.computeIfAbsent(id, key -> {
      Optional<JsonNode> answer = sendAllowingNotFound("GET", "/schemas/ids/" + id, null);
      if (answer.isEmpty()) {
        throw new SerializationException(where() + " has no schema with id " + id);
      }
      return new Schema.Parser().parse(answer.get().path("schema").asText());
    });
  }

  /** Sets {@code subject}'s compatibility level (the subject need not exist yet). */
  public void setCompatibility(String subject, String level) {
    send("PUT", "/config/" + encode(subject), json.createObjectNode().put("compatibility", level));
  }

  private JsonNode send(String method, String path, JsonNode body) {
    return sendAllowingNotFound(method, path, body)
        .orElseThrow(() -> new SchemaRegistryException(where() + ": " + method + " " + path + " answered 404"));
  }

  private Optional<JsonNode> sendAllowingNotFound(String method, String path, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url() + path))
        .timeout(config.timeout())
        .header("Accept", CONTENT_TYPE + ", application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    if (config.userInfo() != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(config.userInfo().getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new SchemaRegistryException(where() + ": no answer to " + method + " " + path + " within "
          + config.timeout().toMillis() + " ms", e);
    } catch (ConnectException e) {
      throw new SchemaRegistryException(where() + ": cannot connect (" + e + ")", e);
    } catch (IOException e) {
      throw new SchemaRegistryException(where() + ": " + method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(where() + ": interrupted during " + method + " " + path, e);
    }
    if (response.statusCode() == 404 && isRegistryNotFound(response.body())) {
      return Optional.empty();
    }
    if (response.statusCode() / 100 != 2) {
      throw new SchemaRegistryException(where() + ": " + method + " " + path + " answered " + response.statusCode()
          + ": " + message(response.body()));
    }
    try {
      return Optional.of(json.readTree(response.body()));
    } catch (IOException e) {
      throw new SchemaRegistryException(where() + ": " + method + " " + path + " answered no JSON: "
          + abbreviate(response.body()), e);
    }
  }

  // A registry's own "not found" carries an error code 404xx (40401 subject, 40403 schema, 40408
  // config); any other 404 means the URL is not a registry API, which must not pass as "no such schema".
  private boolean isRegistryNotFound(String body) {
    try {
      return json.readTree(body).path("error_code").asInt() / 100 == 404;
    } catch (IOException e) {
      return false;
    }
  }

  private String message(String body) {
    try {
      JsonNode error = json.readTree(body);
      if (error.hasNonNull("message")) {
        return error.get("message").asText();
      }
    } catch (IOException e) {
      // not JSON: the body itself says what went wrong
    }
    return abbreviate(body);
  }

  private static String abbreviate(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private String where() {
    return "schema registry " + config.url();
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
