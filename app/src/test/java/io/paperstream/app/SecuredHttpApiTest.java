package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTPS (a key store made by the JDK's keytool) with a bearer token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredHttpApiTest {

  private static final String TOKEN = "reef-token-42";
  private static final String PASSWORD = "changeit";

  @TempDir static Path work;

  private RunningStack.WithData running;
  private HttpClient https;

  @BeforeAll
  void startStackWithTlsAndToken() throws Exception {
    // given a self-signed certificate for 127.0.0.1 in a PKCS12 key store
    Path keyStore = work.resolve("api.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    Settings settings = TestKafka.settings(TestKafka.uniqueSettings("secured", work.resolve("state")))
        .with(HttpSettings.TOKEN_KEY, TOKEN)
        .with(HttpSettings.KEYSTORE_KEY, keyStore.toString())
        .with(HttpSettings.KEYSTORE_PASSWORD_KEY, PASSWORD);
    running = RunningStack.WithData.start(settings);
    // and a client that trusts that certificate, as other instances do
    https = HttpClient.newBuilder().sslContext(HttpTls.trustingOwnCertificates(HttpSettings.from(settings))).build();
  }

  @AfterAll
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void dataNeedsTheTokenOverHttps() throws Exception {
    assertThat(running.stack().publicUrl()).isEqualTo("https://127.0.0.1:" + running.stack().httpPort());
    for (String path : List.of("/api/papers", "/api/trending", "/feed.xml", "/metrics", "/api/health")) {
      // without a token, and with a wrong one: 401, nothing of the data
      HttpResponse<String> without = get(path);
      assertThat(without.statusCode()).as(path).isEqualTo(401);
      assertThat(without.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer realm=\"paperstream\"");
      assertThat(without.body()).as(path).contains("needs a token").doesNotContain("Coral");
      HttpResponse<String> wrong = get(path, "Authorization", "Bearer " + TOKEN + "x");
      assertThat(wrong.statusCode()).as(path).isEqualTo(401);
      assertThat(wrong.body()).contains("wrong token");
      // with it: the answer
      assertThat(get(path, "Authorization", "Bearer " + TOKEN).statusCode()).as(path).isEqualTo(200);
    }
    JsonNode papers = RunningStack.json(get("/api/papers", "Authorization", "Bearer " + TOKEN));
    assertThat(papers.path("papers")).hasSize(3);
  }

  @Test
  void theDashboardOpensWithTheTokenOnceAndKeepsItInACookie() throws Exception {
    // the page itself holds no data: open without a token
    assertThat(get("/").statusCode()).isEqualTo(200);
    // opened with ?token=, it sets an HttpOnly, SameSite=Strict, Secure cookie and drops the token from the address
    HttpResponse<String> opened = get("/?token=" + TOKEN);
    assertThat(opened.statusCode()).isEqualTo(303);
    assertThat(opened.headers().firstValue("Location")).hasValue("/");
    String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains(HttpGuard.TOKEN_COOKIE + "=" + TOKEN, "HttpOnly", "SameSite=Strict", "Secure");
    // and the dashboard's requests carry the cookie
    assertThat(get("/api/papers", "Cookie", HttpGuard.TOKEN_COOKIE + "=" + TOKEN).statusCode()).isEqualTo(200);
    assertThat(get("/?token=nope").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + running.stack().httpPort() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
