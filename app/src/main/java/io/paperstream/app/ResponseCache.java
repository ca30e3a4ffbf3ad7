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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers that change only with the data, rendered once and reused for a short time (setting
 * {@code http.cache-ttl-ms}): however many clients ask, each distinct URL is computed at most once
 * per period. The first request for a URL renders it while concurrent askers wait for that one
 * computation; once the answer is older than the period, the next request renders it anew on
 * its own thread while the others go on getting the previous answer until the new one is there
 * (stale while revalidating: under load no one else waits for a render, so a slow answer such as
 * 28 days of trends costs one request its render time per period instead of everyone asking
 * during it). Every answer carries an ETag, a
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

  /** An answer and when it was rendered ({@link System#nanoTime}). */
  private record Rendered(Answer answer, long atNanos) {}

  private static final long MAX_BYTES = 64L * 1024 * 1024;
  /** Periods an answer nobody asked for again is kept: past that, the next asker renders it and others wait. */
  private static final int KEPT_PERIODS = 10;

  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final Cache<String, Rendered> answers;
  /** URLs being rendered anew by one request while others get the previous answer. */
  private final Set<String> rendering = ConcurrentHashMap.newKeySet();

  ResponseCache(Duration ttl) {
    this(ttl, System::nanoTime);
  }

  /** @param nanoClock when answers are rendered and asked for ({@link System#nanoTime} but in tests) */
  ResponseCache(Duration ttl, LongSupplier nanoClock) {
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
    this.answers = ttl.isZero() ? null : Caffeine.newBuilder()
        .expireAfterWrite(ttl.multipliedBy(KEPT_PERIODS))
        .maximumWeight(MAX_BYTES)
        .weigher((String key, Rendered rendered) -> key.length() + rendered.answer().body().length())
        .build();
  }

  /** Sends the answer for this request's URL (rendered by {@code render} unless fresh in the cache), or a 304. */
  void respond(Context ctx, String cacheControl, Supplier<Answer> render) {
    String key = ctx.header(Forwarder.LOCAL_HEADER) + " " + ctx.path() + "?" + ctx.queryString();
    Answer answer = answer(key, render);
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

  /** The answer for {@code key}: kept, or rendered by {@code render} (see the class comment for when). */
  Answer answer(String key, Supplier<Answer> render) {
    if (answers == null) {
      return render.get();
    }
    Rendered kept = answers.get(key, k -> new Rendered(render.get(), nanoClock.getAsLong()));
    if (nanoClock.getAsLong() - kept.atNanos() < ttlNanos || !rendering.add(key)) {
      return kept.answer(); // fresh, or another request is rendering it anew
    }
    try {
      Rendered fresh = new Rendered(render.get(), nanoClock.getAsLong());
      answers.put(key, fresh);
      return fresh.answer();
    } finally {
      rendering.remove(key);
    }
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
