package io.paperstream.app;

import io.paperstream.config.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The HTTP server's settings ({@code http.*}): where it listens, the public URL its feeds name,
 * the optional bearer token and TLS key store, and how long answers are reused.
 *
 * @param publicUrl the base URL readers reach this server at, without a trailing slash; null:
 *     {@code http(s)://host:port} of the bound server ({@link #publicUrl(int)})
 * @param token the bearer token every API request must carry; null: none
 * @param keyStore a PKCS12 (or {@code http.tls.keystore-type}) key store: serve HTTPS; null: plain HTTP
 */
public record HttpSettings(String host, int port, String publicUrl, String token, Path keyStore,
    String keyStorePassword, String keyStoreType, Duration cacheTtl) {

  public static final String HOST_KEY = "http.host";
  public static final String PORT_KEY = "http.port";
  public static final String PUBLIC_URL_KEY = "http.public-url";
  public static final String TOKEN_KEY = "http.token";
  public static final String KEYSTORE_KEY = "http.tls.keystore";
  public static final String KEYSTORE_PASSWORD_KEY = "http.tls.keystore-password";
  public static final String KEYSTORE_TYPE_KEY = "http.tls.keystore-type";
  public static final String CACHE_TTL_KEY = "http.cache-ttl-ms";
  /** Loopback: the API is open to anyone who can connect, so it is not exposed unless configured. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_CACHE_TTL_MS = 1_000;

  public static HttpSettings from(Settings settings) {
    String publicUrl = settings.find(PUBLIC_URL_KEY).map(HttpSettings::checkedBase).orElse(null);
    return new HttpSettings(settings.get(HOST_KEY, DEFAULT_HOST), settings.getInt(PORT_KEY, DEFAULT_PORT), publicUrl,
        settings.find(TOKEN_KEY).orElse(null), settings.find(KEYSTORE_KEY).map(Path::of).orElse(null),
        settings.get(KEYSTORE_PASSWORD_KEY, ""), settings.get(KEYSTORE_TYPE_KEY, "PKCS12"),
        Duration.ofMillis(Math.max(0, settings.getInt(CACHE_TTL_KEY, DEFAULT_CACHE_TTL_MS))));
  }

  /** Plain HTTP on {@code host:port}, no token, the default cache (tests). */
  public static HttpSettings plain(String host, int port) {
    return new HttpSettings(host, port, null, null, null, "", "PKCS12", Duration.ofMillis(DEFAULT_CACHE_TTL_MS));
  }

  public boolean tls() {
    return keyStore != null;
  }

  /** The public base URL, once the bound port is known. */
  public String publicUrl(int boundPort) {
    return publicUrl != null ? publicUrl : (tls() ? "https" : "http") + "://" + reachableHost(host) + ":" + boundPort;
  }

  /** Whether anyone beyond this machine may connect. */
  public boolean beyondLoopback() {
    try {
      return !InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return true;
    }
  }

  /** A wildcard bind address cannot be dialled: name the machine instead. */
  static String reachableHost(String bindHost) {
    if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
      return bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
    }
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String checkedBase(String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("setting " + PUBLIC_URL_KEY + " must be an http(s) URL without query, like "
        + "https://papers.example.org, not '" + value + "'");
  }
}
