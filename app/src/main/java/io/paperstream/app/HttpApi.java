package io.paperstream.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import io.javalin.util.JavalinLogger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP routes: query API, feeds, health, metrics and the dashboard at {@code /}. */
public final class HttpApi implements AutoCloseable {

  public static final String HOST_KEY = HttpSettings.HOST_KEY;
  public static final String PORT_KEY = HttpSettings.PORT_KEY;
  public static final String DEFAULT_HOST = HttpSettings.DEFAULT_HOST;
  public static final int DEFAULT_PORT = HttpSettings.DEFAULT_PORT;

  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 365;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 1_000;
  static final int MAX_MIN_SUPPORT = 100_000;
  static final int FEED_SIZE = 50;
  static final int DEFAULT_RELATED = 10;
  static final int MAX_RELATED = 100;
  static final int MAX_KEYWORDS = 100;
  private static final String RETRY_AFTER_SECONDS = "2";
  private static final String JSON = "application/json; charset=utf-8";
  private static final String REVALIDATE = "no-cache";
  private static final String FEED_CACHING = "public, max-age=60";
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final LocalDate FIRST_DATE = LocalDate.of(1000, 1, 1);
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final Javalin server;
  private final String publicUrl;

  private HttpApi(Javalin server, String publicUrl) {
    this.server = server;
    this.publicUrl = publicUrl;
  }

  /** Plain HTTP on {@code host:port} (port 0: any free port, see {@link #port()}), no token. */
  public static HttpApi start(String host, int port, QueryService queries, Health health, AppMetrics metrics,
      ObjectMapper mapper) {
    return start(HttpSettings.plain(host, port), queries, health, metrics, mapper);
  }

  public static HttpApi start(HttpSettings http, QueryService queries, Health health, AppMetrics metrics,
      ObjectMapper mapper) {
    if (http.beyondLoopback() && http.token() == null) {
      LOG.warn("the HTTP API listens on {} without a token: anyone who can reach it can read it (set {})",
          http.host(), HttpSettings.TOKEN_KEY);
    }
    HttpGuard guard = new HttpGuard(http.token(), http.tls());
    ResponseCache cache = new ResponseCache(http.cacheTtl());
    Summary summary = new Summary(queries, health, metrics, mapper);
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
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
      if (http.tls()) {
        config.jetty.addConnector((jetty, plain) -> HttpTls.connector(jetty, plain, http));
      }
    });
    server.before(guard::before);

    server.get("/api/trending", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper, queries.trending(
        date(ctx, "date"), integer(ctx, "days", DEFAULT_DAYS, MAX_DAYS), integer(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT),
        ctx.queryParam("minSupport") == null ? null : integer(ctx, "minSupport", 1, MAX_MIN_SUPPORT), local(ctx)))));
    server.get("/api/keywords/{keyword}/series", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper,
        queries.series(ctx.pathParam("keyword"), date(ctx, "from"), date(ctx, "to"), local(ctx)))));
    // before /api/papers/<id>, whose <id> would take "/related" in
    server.get("/api/papers/<id>/related", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper, queries.related(
        ctx.pathParam("id"), integer(ctx, "limit", DEFAULT_RELATED, MAX_RELATED), text(ctx, "plan"), local(ctx)))));
    server.get("/api/keyword-papers", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper,
        queries.keywordPapers(keywords(ctx), local(ctx)))));
    server.get("/api/emerging", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper, queries.emerging(
        date(ctx, "date"), integer(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT), local(ctx)))));
    server.get("/api/papers/<id>", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper,
        queries.paper(ctx.pathParam("id"), local(ctx)))));
    server.get("/api/papers", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper, queries.papers(
        text(ctx, "keyword"), text(ctx, "author"), date(ctx, "from"), date(ctx, "to"), text(ctx, "cursor"),
        integer(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT), local(ctx)))));
    server.get("/api/search", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper, queries.search(
        text(ctx, "q"), date(ctx, "from"), date(ctx, "to"), integer(ctx, "limit", DEFAULT_LIMIT, SearchQuery.MAX_LIMIT),
        SearchQuery.order(text(ctx, "sort")), local(ctx)))));
    server.get("/api/listings/{period}/{date}", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper,
        queries.listing(ctx.pathParam("period"), ctx.pathParam("date"), text(ctx, "keyword"), text(ctx, "author"),
            text(ctx, "cursor"), integer(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT), local(ctx)))));
    server.get("/api/papers-per-day", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper,
        queries.paperCounts(local(ctx)))));
    server.get(ApiEndpoints.INDEX, ctx -> ctx.contentType(JSON).result(write(mapper, ApiEndpoints.index(mapper))));
    server.get("/api/summary", ctx -> cache.respond(ctx, REVALIDATE, () -> json(mapper, summary.report())));
    server.get("/api/health", ctx -> {
      ctx.status(health.healthy() ? 200 : 503);
      ctx.contentType(JSON).result(write(mapper, FeedStatusJson.addTo(health.report(), metrics.feed())));
    });
    server.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    // the public URL names the bound port, known only once started: the feeds are made then
    AtomicReference<Feeds> feeds = new AtomicReference<>();
    server.get("/feed.xml", ctx -> cache.respond(ctx, FEED_CACHING, () -> {
      FeedContent feed = feedContent(ctx, queries);
      Feeds bound = feeds.get();
      return ResponseCache.Answer.of(bound.atom(feed.papers(), feed.subject()), "application/atom+xml; charset=utf-8",
          bound.updated(feed.papers()));
    }));
    server.get("/feed.json", ctx -> cache.respond(ctx, FEED_CACHING, () -> {
      FeedContent feed = feedContent(ctx, queries);
      Feeds bound = feeds.get();
      return ResponseCache.Answer.of(write(mapper, bound.json(feed.papers(), feed.subject())),
          "application/feed+json; charset=utf-8", bound.updated(feed.papers()));
    }));
    for (ApiEndpoints.Endpoint endpoint : ApiEndpoints.ALL) {
      for (HandlerType method : List.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
        server.addHttpHandler(method, endpoint.path(), ctx -> {
          ctx.header("Allow", "GET, HEAD");
          throw ApiError.methodNotAllowed(ctx.method() + " is not allowed here: only GET");
        });
      }
    }

    // Javalin's own answer to a path no route has is a line of plain text
    server.exception(NotFoundResponse.class, (error, ctx) ->
        error(ctx, mapper, 404, ApiEndpoints.notFound(ctx.method().name(), ctx.path())));
    server.exception(ApiError.class, (error, ctx) -> {
      if (error.status() == 503) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        LOG.debug("503 for {}: {}", ctx.path(), error.getMessage());
      }
      error(ctx, mapper, error.status(), error.getMessage());
    });
    server.exception(Exception.class, (error, ctx) -> {
      // the reason goes to the log, never to the client: exception texts reveal internals
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("{} {} failed (reference {})", ctx.method(), ctx.path(), reference, error);
      error(ctx, mapper, 500, "internal error (reference " + reference + " in the server log)");
    });
    try {
      server.start(http.host(), http.port());
    } catch (JavalinBindException e) {
      throw new IllegalStateException("port " + http.port() + " on " + http.host() + " is in use (another papers run?): "
          + "stop it, or choose another port with --http-port (setting http.port; 0: any free port)", e);
    }
    String publicUrl = http.publicUrl(server.port());
    feeds.set(new Feeds(mapper, publicUrl, started));
    return new HttpApi(server, publicUrl);
  }

  /** The port actually bound. */
  public int port() {
    return server.port();
  }

  /** The base URL readers reach this server at ({@code http.public-url}, default from host and port). */
  public String publicUrl() {
    return publicUrl;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** What a feed holds: its subject and its papers. */
  private record FeedContent(Feeds.Subject subject, JsonNode papers) {}

  // a search's newest matches (q), else the newest papers (of a keyword or an author)
  private static FeedContent feedContent(Context ctx, QueryService queries) {
    String keyword = text(ctx, "keyword");
    String q = text(ctx, "q");
    String author = text(ctx, "author");
    if (author != null) {
      if (q != null || keyword != null) {
        throw ApiError.badRequest("parameter 'author' cannot be combined with 'q' or 'keyword' on a feed: give one");
      }
      return new FeedContent(Feeds.Subject.author(author),
          queries.papers(null, author, null, null, null, FEED_SIZE, false).path("papers"));
    }
    if (q != null && keyword != null) {
      throw ApiError.badRequest("parameters 'q' and 'keyword' cannot be combined on a feed: search for "
          + "keyword:\"...\" within 'q' instead");
    }
    if (q != null) {
      return new FeedContent(Feeds.Subject.search(q), queries.searchPapers(q, FEED_SIZE));
    }
    return new FeedContent(Feeds.Subject.keyword(keyword),
        queries.papers(keyword, null, null, null, FEED_SIZE, false).path("papers"));
  }

  private static void error(Context ctx, ObjectMapper mapper, int status, String message) {
    ctx.status(status);
    ctx.contentType(JSON).result(write(mapper, mapper.createObjectNode().put("status", status).put("error", message)));
  }

  private static ResponseCache.Answer json(ObjectMapper mapper, JsonNode body) {
    return ResponseCache.Answer.of(write(mapper, body), JSON, null);
  }

  private static String write(ObjectMapper mapper, JsonNode body) {
    try {
      return mapper.writeValueAsString(body);
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

  private static List<String> keywords(Context ctx) {
    List<String> keywords = ctx.queryParams("keyword").stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    if (keywords.isEmpty() || keywords.size() > MAX_KEYWORDS) {
      throw ApiError.badRequest("parameter 'keyword' must be given 1 to " + MAX_KEYWORDS + " times, not "
          + keywords.size());
    }
    return keywords;
  }

  // YYYY-MM-DD from year 1000 to 9999: a year like +999999999 parses but overflows date arithmetic
  private static LocalDate date(Context ctx, String name) {
    String value = text(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      if (DATE.matcher(value).matches()) {
        LocalDate date = LocalDate.parse(value);
        if (!date.isBefore(FIRST_DATE)) {
          return date;
        }
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw ApiError.badRequest("parameter '" + name + "' must be a date YYYY-MM-DD from 1000-01-01 to 9999-12-31, not '"
        + value + "'");
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
}
