package io.paperstream.processor.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The only links a paper record carries: absolute {@code http} or {@code https} URLs with a
 * host. Whatever a page put in a link field ({@code javascript:}, {@code data:},
 * {@code vbscript:}, {@code file:}, a protocol-relative {@code //host}, a bare word) ends up as an
 * {@code href} downstream, so anything else is dropped here, where every link leaves the
 * normalizer. Stateless and thread-safe.
 */
public final class HttpLinks {

  private HttpLinks() {}

  /** {@code link}, stripped, with its scheme lower-cased, when it is an http(s) URL with a host. */
  public static Optional<String> http(String link) {
    if (link == null || link.isBlank() || link.length() > FieldLimits.LINK) {
      return Optional.empty();
    }
    String candidate = link.strip();
    try {
      URI uri = new URI(candidate);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(scheme + candidate.substring(scheme.length()));
    } catch (URISyntaxException e) {
      return Optional.empty(); // spaces, control characters, broken escapes: not a link to print
    }
  }
}
