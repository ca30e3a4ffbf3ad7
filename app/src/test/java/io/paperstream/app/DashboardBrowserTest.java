package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
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
        .contains("class=\"chip\"")
        // with the page's own one-sentence summary where it gave one
        .contains("<p class=\"one-line\">Language models turn diver survey notes into coral reef maps.</p>");
    // text from the data is text, not markup: the hostile title shows escaped and never ran
    assertThat(papers).contains("&lt;img src=x onerror=").contains("Reef Sonar Atlas").doesNotContain("<img");
    assertThat(dom).doesNotContain("<title>hacked</title>");
    // and the health panel reports the running processor, its backlog split for people, no internal topic names
    assertThat(section(dom, "health")).contains("RUNNING").contains("entries waiting").contains("internal work")
        .contains("throughput").doesNotContain("repartition").doesNotContain("instances");
    // and every keyword of the chart has its label (no label skipped)
    assertThat(attribute(dom, "trending-chart", "data-labels"))
        .isEqualTo(String.valueOf(section(dom, "trending-list").split("<li>", -1).length - 1));

    // and a screenshot is kept for people to look at
    Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    // with a paper picked, so the related panel shows too
    browser("--screenshot=" + screenshot, "--window-size=1280,1900", url + "?paper=2603.00101&q=reef+mapping");
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
  }

  @Test
  void opensOnTheServersDefaultDateAndPutsTheStateInTheUrl() throws Exception {
    // given the date the server calls the default (the latest date with a meaningful number of papers)
    HttpResponse<String> summary = RunningStack.get(stack, "/api/summary");
    String expected = summary.statusCode() == 200 && RunningStack.json(summary).hasNonNull("defaultDate")
        ? RunningStack.json(summary).path("defaultDate").asText()
        : RunningStack.json(RunningStack.get(stack, "/api/trending")).path("date").asText();

    // when the dashboard is opened without any state in its URL
    String dom = browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/");

    // then it shows that date, with the top keyword, and writes both into its URL to share
    assertThat(attribute(dom, "body", "data-date")).isEqualTo(expected);
    String keyword = attribute(dom, "body", "data-keyword");
    assertThat(keyword).isNotBlank();
    assertThat(attribute(dom, "body", "data-url")).contains("date=" + expected).contains("days=7")
        .contains("keyword=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8));
  }

  @Test
  void aSharedUrlOpensTheSameViewWithPapersOfThatDateAndWindow() throws Exception {
    // given a URL someone shared: one day, one keyword
    String url = "http://127.0.0.1:" + stack.httpPort() + "/?date=2026-03-18&days=1&keyword=coral+reef+mapping";

    // when it is opened
    String dom = browser("--dump-dom", url);

    // then the page holds that state, and lists only the papers of that keyword published on that day
    assertThat(attribute(dom, "body", "data-date")).isEqualTo("2026-03-18");
    assertThat(attribute(dom, "body", "data-days")).isEqualTo("1");
    assertThat(attribute(dom, "body", "data-keyword")).isEqualTo("coral reef mapping");
    String papers = section(dom, "papers");
    assertThat(papers).contains("Coral Reef Mapping with Large Language Models").doesNotContain("Reef Sonar Atlas");
    assertThat(papers).contains("2026-03-18").doesNotContain("2026-03-20");
    assertThat(section(dom, "papers-filter")).contains("2026-03-18 – 2026-03-18");
  }

  @Test
  void aDateWithoutPapersSaysSoInsteadOfShowingAnEmptyPage() throws Exception {
    // when a date long before any paper is opened
    String dom = browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/?date=2001-01-01&days=7");

    // then each panel says what is missing and what to do, and no error is shown
    assertThat(dom).contains("<p id=\"error\" role=\"alert\" hidden=\"\">");
    assertThat(section(dom, "trending-empty")).contains("No keywords for 2001-01-01");
    assertThat(section(dom, "papers-empty")).contains("No papers").contains("2000-12-26 – 2001-01-01");
  }

  @Test
  void aPapersRelatedButtonAndASharedUrlShowItsRelatedPapers() throws Exception {
    // given the default view: every paper has a "related" button
    String dom = browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/");
    assertThat(section(dom, "papers")).contains("data-paper=\"2603.00101\"");
    assertThat(section(dom, "related-empty")).contains("Pick “related” on a paper");

    // when a URL with a picked paper is opened (what the button writes into the URL)
    String url = "http://127.0.0.1:" + stack.httpPort() + "/?date=2026-03-18&days=7&paper=2603.00101";
    String related = browser("--dump-dom", url);

    // then the related panel names the paper and lists the paper sharing its specific keyword
    assertThat(related).contains("<p id=\"error\" role=\"alert\" hidden=\"\">");
    assertThat(section(related, "related-title")).isEqualTo("Coral Reef Mapping with Large Language Models");
    assertThat(section(related, "related")).contains("Kelp Forest Growth from Buoy Logs")
        .contains("shares large language model").doesNotContain("Coral Reef Mapping");
  }

  @Test
  void theEmergingPanelShowsTheNewKeywordOfItsWeekAndSaysSoWhenThereIsNone() throws Exception {
    // when the week of the invented burst is opened
    String dom = browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/?date=2026-02-24&days=7");

    // then the emerging panel lists the keyword first seen that week, marked new, with its test
    String emerging = section(dom, "emerging");
    assertThat(emerging).contains("tide clock calibration").contains(">new<").contains("5 papers").contains("p ");
    assertThat(emerging).doesNotContain("harbour log");
    assertThat(section(dom, "emerging-window")).isEqualTo("2026-02-18 – 2026-02-24");
    // and a week without history says so instead of an empty list
    String quiet = browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/?date=2026-01-08&days=7");
    assertThat(section(quiet, "emerging-empty")).contains("No keyword is new or bursting");
  }

  @Test
  void theSearchBoxShowsItsResultsWithTheMatchedWordsMarkedAsText() throws Exception {
    // when a search is opened (what the search box writes into the URL)
    String url = "http://127.0.0.1:" + stack.httpPort() + "/?date=2026-03-20&q=coral+reef";
    String dom = browser("--dump-dom", url);

    // then the page holds the query, and the results the matching paper with its words marked
    assertThat(dom).contains("<p id=\"error\" role=\"alert\" hidden=\"\">").contains("<input type=\"search\" id=\"search\"");
    assertThat(attribute(dom, "body", "data-q")).isEqualTo("coral reef");
    assertThat(section(dom, "search-query")).isEqualTo("“coral reef”");
    String results = section(dom, "search-results");
    assertThat(results).contains("<mark>Coral</mark>").contains("<mark>Reef</mark>").contains("Mapping with Large");
    assertThat(attribute(dom, "search-feed", "href")).isEqualTo("/feed.xml?q=coral+reef");
    // and a hostile title found by a search is text with marks, never markup
    String hostile = section(browser("--dump-dom", url.replace("coral+reef", "sonar+atlas")), "search-results");
    assertThat(hostile).contains("&lt;img src=x onerror=").contains("<mark>Sonar</mark>").doesNotContain("<img");
    // and a query that cannot be parsed says why in the panel, not as a page error
    String bad = browser("--dump-dom", url.replace("coral+reef", "%22coral"));
    assertThat(section(bad, "search-empty")).contains("not a valid query");
    assertThat(bad).contains("<p id=\"error\" role=\"alert\" hidden=\"\">");
    // and without a query the search panel stays hidden
    assertThat(browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/?date=2026-03-20"))
        .contains("id=\"search-panel\" hidden=\"\"");
  }

  @Test
  void theListingTabsRankTheDayWeekOrMonthByUpvotes() throws Exception {
    // when the dashboard opens on a date: the day's tab, its papers by upvotes
    String day = browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/?date=2026-03-20");
    assertThat(attribute(day, "tab-day", "aria-selected")).isEqualTo("true");
    assertThat(attribute(day, "tab-week", "aria-selected")).isEqualTo("false");
    assertThat(section(day, "listing-period")).isEqualTo("2026-03-20");
    String listed = section(day, "listing");
    assertThat(listed.indexOf("Coral Reef Mapping with Large Language Models")).isNotNegative()
        .isLessThan(listed.indexOf("Kelp Forest Growth from Buoy Logs"));

    // when the week tab's URL is opened: Monday to Sunday of that date, with that tab selected
    String week = browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/?date=2026-02-24&listing=week");
    assertThat(attribute(week, "tab-week", "aria-selected")).isEqualTo("true");
    assertThat(attribute(week, "body", "data-listing")).isEqualTo("week");
    assertThat(section(week, "listing-period")).isEqualTo("2026-02-23 – 2026-03-01");
    assertThat(section(week, "listing")).contains("Tide Clock Calibration, Field Report 4")
        .contains("Field Report 5").doesNotContain("Field Report 3");

    // and a month without papers says so
    String quiet = browser("--dump-dom", "http://127.0.0.1:" + stack.httpPort() + "/?date=2001-01-01&listing=month");
    assertThat(section(quiet, "listing-empty")).contains("No papers featured in this month");
  }

  @Test
  void fitsAPhoneWideScreen() throws Exception {
    // when the dashboard is shown 360 px wide
    String url = "http://127.0.0.1:" + stack.httpPort() + "/";
    String dom = browser("--dump-dom", "--window-size=360,2400", url);

    // then nothing is wider than the screen (no sideways scrolling)
    assertThat(attribute(dom, "body", "data-overflows")).isEqualTo("false");
    // and a screenshot is kept for people to look at
    Path screenshot = Path.of("target", "dashboard-narrow.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    browser("--screenshot=" + screenshot, "--window-size=360,2400", url);
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
  }

  /** The value of an attribute of the element with this id ("body": the body element). */
  private static String attribute(String dom, String id, String name) {
    int start = id.equals("body") ? dom.indexOf("<body") : dom.indexOf("id=\"" + id + "\"");
    assertThat(start).as("element #%s in the page", id).isNotNegative();
    String tag = dom.substring(dom.lastIndexOf('<', start + 1), dom.indexOf('>', start));
    int at = tag.indexOf(" " + name + "=\"");
    assertThat(at).as("attribute %s of #%s in %s", name, id, tag).isNotNegative();
    int from = at + name.length() + 3;
    return tag.substring(from, tag.indexOf('"', from)).replace("&amp;", "&");
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
