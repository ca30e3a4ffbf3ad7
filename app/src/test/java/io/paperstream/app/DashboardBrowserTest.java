package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.config.Settings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: headless Chromium loads the page from a running stack with
 * known data, runs its scripts against the API, and the test reads what the page shows. A
 * screenshot is kept in target/dashboard.png. Skipped where there is no Chromium (.ci/run
 * installs Debian's package).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

  private static final String HOSTILE_TITLE = "<img src=x onerror=\"document.title='hacked'\"> Reef Sonar Atlas";

  @TempDir static Path work;

  private RunningStack.WithData running;
  private AppStack stack;
  private Path chromium;

  @BeforeAll
  void startStackWithKnownData() throws Exception {
    chromium = chromium();
    Assumptions.assumeTrue(chromium != null, "no Chromium on this machine (apt-get install chromium): skipped");
    Settings settings = TestKafka.settings(TestKafka.uniqueSettings("dashboard", work.resolve("state")));
    running = RunningStack.WithData.start(settings, resource("pages-dashboard"));
    stack = running.stack();
  }

  @AfterAll
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void showsTrendsSeriesPapersAndHealthWithDataEscaped() throws Exception {
    // given the dashboard of a stack holding the fixture papers
    String url = "http://127.0.0.1:" + stack.httpPort() + "/";

    // when a browser has loaded it and run its scripts
    String dom = browser("--dump-dom", url);

    // then the scripts ran to the end without an error on the page
    assertThat(dom).contains("data-loaded=\"true\"").contains("<p id=\"error\" role=\"alert\" hidden=\"\">");
    // the trending keywords are listed, the top one selected for the series
    String trending = section(dom, "trending-list");
    assertThat(trending).contains("coral reef mapping").contains("large language model");
    assertThat(section(dom, "series-keyword")).isNotEqualTo("—").isNotBlank();
    // the newest papers are shown with their links and keywords
    String papers = section(dom, "papers");
    assertThat(papers).contains("Coral Reef Mapping with Large Language Models")
        .contains("href=\"https://arxiv.org/abs/")
        .contains("class=\"chip\"");
    // text from the data is text, not markup: the hostile title shows escaped and never ran
    assertThat(papers).contains("&lt;img src=x onerror=").contains("Reef Sonar Atlas").doesNotContain("<img");
    assertThat(dom).doesNotContain("<title>hacked</title>");
    // and the health panel reports the running processor
    assertThat(section(dom, "health")).contains("RUNNING").contains("totalLag").contains("dead letters")
        .contains("throughput");

    // and a screenshot is kept for people to look at
    Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    browser("--screenshot=" + screenshot, "--window-size=1280,1500", url);
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
  }

  /** The inner HTML of the element with this id, as the browser left it. */
  private static String section(String dom, String id) {
    int start = dom.indexOf("id=\"" + id + "\"");
    assertThat(start).as("element #%s in the page", id).isNotNegative();
    int open = dom.indexOf('>', start) + 1;
    String tag = dom.substring(dom.lastIndexOf('<', start) + 1, start).trim();
    int close = dom.indexOf("</" + tag + ">", open);
    return dom.substring(open, close);
  }

  private String browser(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + Files.createTempDirectory(work, "chromium"),
        // let the page's fetches and scripts finish before the DOM or the screenshot is taken
        "--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(work.resolve("chromium.log").toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(process.exitValue()).as("chromium exit; log in %s", work.resolve("chromium.log")).isZero();
    return out;
  }

  private static Path chromium() {
    for (String candidate : List.of(System.getenv().getOrDefault("CHROMIUM", ""), "/usr/bin/chromium",
        "/usr/bin/chromium-browser")) {
      if (!candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  private static String resource(String folder) throws URISyntaxException {
    return Path.of(DashboardBrowserTest.class.getResource("/" + folder).toURI()).toString();
  }
}
