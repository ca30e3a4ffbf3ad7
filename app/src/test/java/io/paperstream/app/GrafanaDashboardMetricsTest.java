package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.config.Settings;
import io.paperstream.ingest.feed.DailyFeed;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the provisioned Grafana dashboard (deploy/grafana/dashboards) queries is one that
 * a running instance's {@code GET /metrics} really exports, by that name.
 */
class GrafanaDashboardMetricsTest {

  private static final Path DASHBOARD =
      Path.of("..", "deploy", "grafana", "dashboards", "paperstream.json").toAbsolutePath().normalize();
  private static final Pattern METRIC = Pattern.compile("\\b((?:paperstream|kafka|jvm|process|system)_[a-z0-9_]+)\\b");

  @TempDir Path stateDir;

  private static Set<String> exported(AppStack stack) throws Exception {
    HttpResponse<String> scrape = RunningStack.get(stack, "/metrics");
    Set<String> exported = new TreeSet<>();
    scrape.body().lines().filter(line -> !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
    return exported;
  }

  @Test
  void everyQueriedMetricIsExported() throws Exception {
    // given the metric names the dashboard's queries use
    Set<String> queried = new TreeSet<>();
    for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher metric = METRIC.matcher(target.path("expr").asText());
        while (metric.find()) {
          queried.add(metric.group(1));
        }
      }
    }
    assertThat(queried).hasSizeGreaterThan(8);

    // when an instance has processed data, with the feed's counters bound as on the elected poller
    Settings settings = TestKafka.settings(TestKafka.uniqueSettings("dashboard-metrics", stateDir));
    try (RunningStack.WithData running = RunningStack.WithData.start(settings);
        DailyFeed feed = DailyFeed.connect(settings, running.cluster())) {
      running.stack().metrics().bindFeed(feed.metrics());

      // then each queried name is a series of /metrics (task and partition metrics once the
      // binder has seen the tasks: it looks every 10 s)
      await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
          assertThat(exported(running.stack())).containsAll(queried));
    }
  }
}
