package io.paperstream.ingest.split;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One fetched page, as bytes, with what is known about where and when it came from.
 *
 * <p>The body array is not copied: pages can be tens of megabytes, and callers hand them over
 * rather than keep mutating them.
 *
 * @param source where the page came from: an http(s) URL or a file URI
 * @param contentType the declared content type, e.g. {@code text/html; charset=utf-8}; may be null
 * @param body the raw page bytes
 * @param fetchedAt when the page was fetched (or the file last modified)
 * @param asOf the date that year-less page dates are resolved against; null means fetchedAt's UTC date
 */
public record Page(String source, String contentType, byte[] body, Instant fetchedAt, LocalDate asOf) {

  public Page {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    if (asOf == null) {
      asOf = LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC);
    }
  }
}
