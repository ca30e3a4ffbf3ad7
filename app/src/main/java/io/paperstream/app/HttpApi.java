package io.paperstream.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.Context;
import io.javalin.util.JavalinLogger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP routes: query API, feeds, health, metrics and the page at {@code /}. */
public final class HttpApi implements AutoCloseable {

  public static final String HOST_KEY = "http.host";
  public static final String PORT_KEY = "http.port";
  /** Loopback: the API is open to anyone who can connect, so it is not exposed unless configured. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 365;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 1_000;
  static final int FEED_SIZE = 50;
  private static final String RETRY_AFTER_SECONDS = "2";

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final Javalin server;

  private HttpApi(Javalin server) {
    this.server = server;
  }

  /** Starts serving on {@code host:port} (port 0: any free port, see {@link #port()}). */
  public static HttpApi start(String host, int port, QueryService queries, Health health, AppMetrics metrics,
      ObjectMapper mapper) {
    Feeds feeds = new Feeds(mapper);
    // papers run prints where it serves itself; Javalin's own banner and version nag are noise
    JavalinLogger.startupInfo = false;
    Javalin server = Javalin.create(config -> {
      config.showJavalinBanner = false;
      // the dashboard (index.html at /, its script and style sheet), and the chart library from
      // its WebJar (no CDN)
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/web";
        files.location = Location.CLASSPATH;
      });
      config.staticFiles.enableWebjars();
    });

    server.get("/api/trending", ctx -> json(ctx, mapper, queries.trending(
        date(ctx, "date"), integer(ctx, "days", DEFAULT_DAYS, MAX_DAYS), integer(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT),
        local(ctx))));
    server.get("/api/keywords/{keyword}/series", ctx -> json(ctx, mapper, queries.series(
        ctx.pathParam("keyword"), date(ctx, "from"), date(ctx, "to"), local(ctx))));
    server.get("/api/papers/{id}", ctx -> json(ctx, mapper, queries.paper(ctx.pathParam("id"), local(ctx))));
    server.get("/api/papers", ctx -> json(ctx, mapper, queries.papers(
        text(ctx, "keyword"), date(ctx, "from"), date(ctx, "to"), integer(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT),
        local(ctx))));
    server.get("/api/health", ctx -> {
      ctx.status(health.healthy() ? 200 : 503);
      json(ctx, mapper, health.report());
    });
    server.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    server.get("/feed.xml", ctx -> {
      String keyword = text(ctx, "keyword");
      JsonNode papers = queries.papers(keyword, null, null, FEED_SIZE, false).path("papers");
      ctx.contentType("application/atom+xml; charset=utf-8")
          .result(feeds.atom(papers, keyword, ctx.fullUrl(), site(ctx)));
    });
    server.get("/feed.json", ctx -> {
      String keyword = text(ctx, "keyword");
      JsonNode papers = queries.papers(keyword, null, null, FEED_SIZE, false).path("papers");
      ctx.contentType("application/feed+json; charset=utf-8")
          .result(mapper.writeValueAsString(feeds.json(papers, keyword, ctx.fullUrl(), site(ctx))));
    });

    server.exception(ApiError.class, (error, ctx) -> {
      if (error.status() == 503) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        LOG.debug("503 for {}: {}", ctx.path(), error.getMessage());
      }
      ctx.status(error.status());
      json(ctx, mapper, mapper.createObjectNode().put("status", error.status()).put("error", error.getMessage()));
    });
    server.exception(Exception.class, (error, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), error);
      ctx.status(500);
      json(ctx, mapper, mapper.createObjectNode().put("status", 500).put("error", "internal error: " + error));
    });
    server.start(host, port);
    return new HttpApi(server);
  }

  /** The port actually bound. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static void json(Context ctx, ObjectMapper mapper, JsonNode body) {
    try {
      ctx.contentType("application/json; charset=utf-8").result(mapper.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always serializes", e);
    }
  }

  private static boolean local(Context ctx) {
    return "true".equals(ctx.header(Forwarder.LOCAL_HEADER));
  }

  private static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static LocalDate date(Context ctx, String name) {
    String value = text(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("parameter '" + name + "' must be a date YYYY-MM-DD, not '" + value + "'");
    }
  }

  private static int integer(Context ctx, String name, int defaultValue, int max) {
    String value = text(ctx, name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the allowed range
    }
    throw ApiError.badRequest("parameter '" + name + "' must be a whole number from 1 to " + max + ", not '" + value + "'");
  }

  private static String site(Context ctx) {
    return ctx.scheme() + "://" + ctx.host() + "/";
  }

}
