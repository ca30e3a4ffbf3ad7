package io.paperstream.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Answers that change only with the data, rendered once and reused for a short time (setting
 * {@code http.cache-ttl-ms}): however many clients ask, each distinct URL is computed at most once
 * per period (concurrent askers wait for the one computation). Every answer carries an ETag, a
 * hash of its body, so it changes exactly when the data does; a client that sends it back in
 * {@code If-None-Match} (or a date not before {@code Last-Modified} in {@code If-Modified-Since})
 * gets a 304 without a body. Bounded by the bytes kept, so the heap stays flat.
 */
final class ResponseCache {

  /** A rendered answer. {@code lastModified} may be null. */
  record Answer(String body, String contentType, String etag, Instant lastModified) {

    static Answer of(String body, String contentType, Instant lastModified) {
      return new Answer(body, contentType, etagOf(body), lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS));
    }
  }

  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private final Cache<String, Answer> answers;

  ResponseCache(Duration ttl) {
    this.answers = ttl.isZero() ? null : Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumWeight(MAX_BYTES)
        .weigher((String key, Answer answer) -> key.length() + answer.body().length())
        .build();
  }

  /** Sends the answer for this request's URL (rendered by {@code render} unless fresh in the cache), or a 304. */
  void respond(Context ctx, String cacheControl, Supplier<Answer> render) {
    String key = ctx.header(Forwarder.LOCAL_HEADER) + " " + ctx.path() + "?" + ctx.queryString();
    Answer answer = answers == null ? render.get() : answers.get(key, k -> render.get());
    ctx.header("ETag", answer.etag());
    ctx.header("Cache-Control", cacheControl);
    if (answer.lastModified() != null) {
      ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(answer.lastModified().atZone(ZoneOffset.UTC)));
    }
    if (notModified(ctx, answer)) {
      ctx.status(304);
      return;
    }
    ctx.contentType(answer.contentType()).result(answer.body());
  }

  private static boolean notModified(Context ctx, Answer answer) {
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String candidate = tag.strip().startsWith("W/") ? tag.strip().substring(2) : tag.strip();
        if (candidate.equals("*") || candidate.equals(answer.etag())) {
          return true;
        }
      }
      return false; // If-None-Match wins over If-Modified-Since (RFC 9110, 13.1.3)
    }
    String ifModifiedSince = ctx.header("If-Modified-Since");
    if (ifModifiedSince == null || answer.lastModified() == null) {
      return false;
    }
    try {
      Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !answer.lastModified().isAfter(since);
    } catch (DateTimeParseException e) {
      return false; // an unreadable date is ignored, as RFC 9110 says
    }
  }

  private static String etagOf(String body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
