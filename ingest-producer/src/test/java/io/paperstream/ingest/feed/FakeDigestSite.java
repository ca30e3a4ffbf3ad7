package io.paperstream.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paperstream.schemas.PaperKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the Daily Papers site on 127.0.0.1: serves pages by path and query with an
 * ETag (answering If-None-Match with 304, as the real site's CDN does), counts requests per URL,
 * and plays scripted faults (errors, Retry-After, hangs, truncated bodies, redirects) before the
 * page itself.
 */
final class FakeDigestSite implements AutoCloseable {

  /** One scripted answer, played once, before the page is served normally. */
  @FunctionalInterface
  interface Fault {
    void answer(HttpExchange exchange, FakeDigestSite site) throws IOException;
  }

  /** A request as the site saw it. */
  record Request(String pathAndQuery, String ifNoneMatch, String ifModifiedSince, String userAgent) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, String> links = new ConcurrentHashMap<>();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch releaseHangs = new CountDownLatch(1);

  private record Page(String contentType, byte[] body) {}

  FakeDigestSite() throws IOException {
    this(0);
  }

  /** A site on this port of the loopback address (0: any free one), e.g. back where a closed one was. */
  FakeDigestSite(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    // several threads: a hanging answer must not hold up the retry that follows it
    server.setExecutor(threads);
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  String host() {
    return "127.0.0.1";
  }

  void serve(String pathAndQuery, String contentType, byte[] body) {
    pages.put(pathAndQuery, new Page(contentType, body));
  }

  void serveJson(String pathAndQuery, String json) {
    serve(pathAndQuery, "application/json; charset=utf-8", json.getBytes(UTF_8));
  }

  /** Answers {@code pathAndQuery} with this {@code Link} header (e.g. {@code <…&p=1>; rel="next"}) from now on. */
  void link(String pathAndQuery, String linkHeader) {
    links.put(pathAndQuery, linkHeader);
  }

  /** Plays {@code fault} for the next request of {@code pathAndQuery} (after earlier scripted ones). */
  void fault(String pathAndQuery, Fault fault) {
    faults.computeIfAbsent(pathAndQuery, k -> new ArrayDeque<>()).addLast(fault);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String pathAndQuery) {
    return requests.stream().filter(r -> r.pathAndQuery().equals(pathAndQuery)).toList();
  }

  long count(String pathAndQuery) {
    return requests(pathAndQuery).size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String key = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
      requests.add(new Request(key, exchange.getRequestHeaders().getFirst("If-None-Match"),
          exchange.getRequestHeaders().getFirst("If-Modified-Since"),
          exchange.getRequestHeaders().getFirst("User-Agent")));
      Deque<Fault> scripted = faults.get(key);
      Fault fault = scripted == null ? null : scripted.pollFirst();
      if (fault != null) {
        fault.answer(exchange, this);
        return;
      }
      Page page = pages.get(key);
      if (page == null) {
        send(exchange, 404, "text/plain", "no such page".getBytes(UTF_8));
        return;
      }
      String etag = "\"" + PaperKeys.sha256Hex(page.body()).substring(0, 16) + "\"";
      exchange.getResponseHeaders().set("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      // as servers do: a 304 repeats the validators, not the Link header
      String link = links.get(key);
      if (link != null) {
        exchange.getResponseHeaders().set("Link", link);
      }
      send(exchange, 200, page.contentType(), page.body());
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static Fault status(int status) {
    return (exchange, site) -> send(exchange, status, "text/plain", ("status " + status).getBytes(UTF_8));
  }

  static Fault retryAfter(int status, String retryAfter) {
    return (exchange, site) -> {
      exchange.getResponseHeaders().set("Retry-After", retryAfter);
      send(exchange, status, "text/plain", "slow down".getBytes(UTF_8));
    };
  }

  /** Answers nothing until the site is closed (the client's timeout must end the wait). */
  static Fault hang() {
    return (exchange, site) -> {
      try {
        site.releaseHangs.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Declares the whole page's length, sends half of it, and closes the connection. */
  static Fault truncated(byte[] page) {
    return (exchange, site) -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, page.length);
      OutputStream out = exchange.getResponseBody();
      out.write(page, 0, page.length / 2);
      out.flush();
      // returning short of Content-Length: closing the exchange then fails, and the server drops
      // the connection (closing the stream here instead would leave it open, a hang, not a truncation)
    };
  }

  /** Sends the headers and the first bytes of the page, then nothing more until the site is closed. */
  static Fault stalledBody(byte[] page) {
    return (exchange, site) -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, page.length);
      OutputStream out = exchange.getResponseBody();
      out.write(page, 0, 10);
      out.flush();
      hang().answer(exchange, site);
    };
  }

  static Fault redirect(int status, String location) {
    return (exchange, site) -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  @Override
  public void close() {
    releaseHangs.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
