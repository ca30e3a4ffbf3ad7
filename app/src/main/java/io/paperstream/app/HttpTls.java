package io.paperstream.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** HTTPS from the key store of {@code http.tls.keystore}: the server's connector, and what forwarding trusts. */
final class HttpTls {

  private HttpTls() {}

  /** A TLS connector on {@code host:port} serving the key store's certificate. */
  static Connector connector(Server server, HttpConfiguration plain, HttpSettings http) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(http.keyStore().toAbsolutePath().toString());
    tls.setKeyStorePassword(http.keyStorePassword());
    tls.setKeyStoreType(http.keyStoreType());
    HttpConfiguration secure = new HttpConfiguration(plain);
    SecureRequestCustomizer customizer = new SecureRequestCustomizer();
    // instances dial each other by the advertised host, which need not be the certificate's name
    customizer.setSniHostCheck(false);
    secure.addCustomizer(customizer);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
        new HttpConnectionFactory(secure));
    connector.setHost(http.host());
    connector.setPort(http.port());
    return connector;
  }

  /**
   * For forwarding between instances, which share the key store: trust its certificates (and
   * only them).
   */
  static SSLContext trustingOwnCertificates(HttpSettings http) {
    try (InputStream in = Files.newInputStream(http.keyStore())) {
      KeyStore store = KeyStore.getInstance(http.keyStoreType());
      store.load(in, http.keyStorePassword().toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key store " + http.keyStore() + " (setting "
          + HttpSettings.KEYSTORE_KEY + "): " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use the key store " + http.keyStore() + " (setting "
          + HttpSettings.KEYSTORE_KEY + "): " + e.getMessage(), e);
    }
  }
}
