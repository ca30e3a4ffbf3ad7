package io.paperstream.ingest.split;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Pages for splitter tests: the project's own invented fixtures under {@code split/}, or inline bodies. */
final class SplitFixtures {

  static final Instant FETCHED_AT = Instant.parse("2025-04-01T09:30:00Z");
  static final LocalDate AS_OF = LocalDate.of(2025, 4, 1);
  static final Instant NOW = Instant.parse("2025-04-01T09:31:00Z");

  private SplitFixtures() {}

  static PageSplitter splitter() {
    return new PageSplitter(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A fixture file, e.g. {@code text/daily-page.txt}, with the content type its ending implies. */
  static Page fixture(String path) {
    String lower = path.toLowerCase();
    String contentType = lower.endsWith(".json") ? "application/json"
        : lower.endsWith(".html") ? "text/html; charset=utf-8"
        : "text/plain";
    return fixture(path, contentType);
  }

  static Page fixture(String path, String contentType) {
    return new Page(sourceOf(path), contentType, bytes(path), FETCHED_AT, AS_OF);
  }

  static byte[] bytes(String path) {
    try (InputStream in = SplitFixtures.class.getClassLoader().getResourceAsStream("split/" + path)) {
      if (in == null) {
        throw new IllegalStateException("test fixture missing: split/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), UTF_8);
  }

  static Page inline(String source, String contentType, String body) {
    return new Page(source, contentType, body.getBytes(UTF_8), FETCHED_AT, AS_OF);
  }

  static Page inline(String source, String contentType, byte[] body) {
    return new Page(source, contentType, body, FETCHED_AT, AS_OF);
  }

  private static String sourceOf(String path) {
    URL url = SplitFixtures.class.getClassLoader().getResource("split/" + path);
    if (url == null) {
      throw new IllegalStateException("test fixture missing: split/" + path);
    }
    try {
      return url.toURI().toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
