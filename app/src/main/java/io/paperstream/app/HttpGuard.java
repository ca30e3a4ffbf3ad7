package io.paperstream.app;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What every answer must carry and every request must show. Headers: a strict
 * Content-Security-Policy (only this server's own scripts, styles and connections; no inline
 * script, no framing, no plugins), {@code nosniff}, {@code X-Frame-Options: DENY}, no referrer.
 * With a token ({@code http.token}), every request for data ({@code /api/}, the feeds,
 * {@code /metrics}) must carry it as {@code Authorization: Bearer <token>} or in the cookie a
 * browser gets by opening {@code /?token=<token>} once; the dashboard's own files stay open, as
 * they hold no data.
 */
final class HttpGuard {

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";
  static final String TOKEN_COOKIE = "paperstream-token";

  private final byte[] token;
  private final boolean tls;

  /** {@code token} null: no token asked. */
  HttpGuard(String token, boolean tls) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.tls = tls;
  }

  /** Runs before every handler, static files included. */
  void before(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    if (token == null) {
      return;
    }
    String offered = ctx.queryParam("token");
    if (ctx.path().equals("/") && offered != null) {
      if (!matches(offered)) {
        throw ApiError.unauthorized("wrong token");
      }
      // once, from a link: then the browser's own requests carry it, and it leaves the address bar
      Cookie cookie = new Cookie(TOKEN_COOKIE, offered, "/", -1, tls, 0, true, null, null, SameSite.STRICT);
      ctx.cookie(cookie);
      ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    if (needsToken(ctx.path()) && !matches(bearer(ctx)) && !matches(ctx.cookie(TOKEN_COOKIE))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"paperstream\"");
      throw ApiError.unauthorized(bearer(ctx) == null && ctx.cookie(TOKEN_COOKIE) == null
          ? "this server needs a token: send 'Authorization: Bearer <token>'" : "wrong token");
    }
  }

  private static boolean needsToken(String path) {
    return path.startsWith("/api/") || path.startsWith("/feed.") || path.equals("/metrics");
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
  }

  // constant time: how much of a guess is right must not show in the answer's timing
  private boolean matches(String offered) {
    return offered != null && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
  }
}
