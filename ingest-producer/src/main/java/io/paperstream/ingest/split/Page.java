package io.paperstream.ingest.split;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One fetched page, with what is known about where and when it came from. Its body is either bytes
 * in memory (a fetched answer) or a file, read as a stream each time it is {@link #open() opened},
 * so that a page of any size costs the splitter bounded memory.
 *
 * <p>A body array is not copied: pages can be tens of megabytes, and callers hand them over
 * rather than keep mutating them.
 */
public final class Page {

  private final String source;
  private final String contentType;
  private final byte[] bytes;
  private final Path file;
  private final Instant fetchedAt;
  private final LocalDate asOf;

  /**
   * @param source where the page came from: an http(s) URL or a file URI
   * @param contentType the declared content type, e.g. {@code text/html; charset=utf-8}; may be null
   * @param body the raw page bytes
   * @param fetchedAt when the page was fetched (or the file last modified)
   * @param asOf the date that year-less page dates are resolved against; null means fetchedAt's UTC date
   */
  public Page(String source, String contentType, byte[] body, Instant fetchedAt, LocalDate asOf) {
    this(source, contentType, Objects.requireNonNull(body, "body"), null, fetchedAt, asOf);
  }

  private Page(String source, String contentType, byte[] bytes, Path file, Instant fetchedAt, LocalDate asOf) {
    this.source = Objects.requireNonNull(source, "source");
    this.contentType = contentType;
    this.bytes = bytes;
    this.file = file;
    this.fetchedAt = Objects.requireNonNull(fetchedAt, "fetchedAt");
    this.asOf = asOf != null ? asOf : LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC);
  }

  /** A page whose body is the file {@code body}, read only when split (and as a stream). */
  public static Page ofFile(String source, String contentType, Path body, Instant fetchedAt, LocalDate asOf) {
    return new Page(source, contentType, null, Objects.requireNonNull(body, "body"), fetchedAt, asOf);
  }

  public String source() {
    return source;
  }

  public String contentType() {
    return contentType;
  }

  public Instant fetchedAt() {
    return fetchedAt;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** The body's size in bytes. */
  public long size() throws IOException {
    return bytes != null ? bytes.length : Files.size(file);
  }

  /** The body from its first byte; every call starts again. */
  public InputStream open() throws IOException {
    return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
  }

  /** The whole body in memory: for small pages and tests; the splitter streams {@link #open()}. */
  public byte[] body() {
    if (bytes != null) {
      return bytes;
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Page[" + source + "]";
  }
}
