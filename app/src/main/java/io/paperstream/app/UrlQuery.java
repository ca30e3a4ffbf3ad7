package io.paperstream.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Query strings and path segments of the URLs the API builds (forwarded requests, feed links, cursors). */
final class UrlQuery {

  private UrlQuery() {}

  /** {@code ?a=1&b=2}, parameters in name order, empty values left out; "" when none is left. */
  static String of(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
    new TreeMap<>(params).forEach((name, value) -> {
      if (value != null && !value.isEmpty()) {
        joined.add(name + "=" + encode(value));
      }
    });
    return joined.toString();
  }

  /** A value encoded for a query string or one path segment (spaces as %20). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * A paper id as a path: every character encoded but the slash of old-style arXiv ids
   * ({@code hep-th/9901001}), because servers refuse an encoded slash in a path.
   */
  static String idPath(String id) {
    return encode(id).replace("%2F", "/");
  }
}
