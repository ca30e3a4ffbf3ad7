package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.paperstream.processor.app.ProcessorSettings;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papers run --once} stopped with SIGTERM, as Ctrl-C or a service manager stops it. */
class RunStopTest {

  @TempDir Path work;

  @Test
  void sigtermDuringOnceStopsCleanlyExitsZeroAndLeavesTheGroup() throws Exception {
    // given papers run --once, in a JVM of its own, ingesting a page from a site that never answers
    CountDownLatch release = new CountDownLatch(1);
    HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/", exchange -> {
      try {
        release.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    site.start();
    Map<String, String> settings = TestKafka.uniqueSettings("run-stop", work.resolve("state"));
    Path config = work.resolve("paperstream.properties");
    Properties properties = new Properties();
    properties.putAll(settings);
    try (Writer out = Files.newBufferedWriter(config)) {
      properties.store(out, null);
    }
    Path log = work.resolve("run.log");
    Process run = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-cp", System.getProperty("java.class.path"), RunMain.class.getName(),
        "--once", "--bootstrap-servers", TestKafka.bootstrapServers(), "--config", config.toString(),
        "http://127.0.0.1:" + site.getAddress().getPort() + "/api/daily_papers?date=2026-03-20"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String applicationId = settings.get(ProcessorSettings.APPLICATION_ID_KEY);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
          .until(() -> !group(admin, applicationId).members().isEmpty());

      // when it gets SIGTERM
      run.destroy();

      // then it stops within the close timeout, with status 0, having closed the processor once
      assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("stopped").isTrue();
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(run.exitValue()).as(output).isZero();
      assertThat(output).contains("run: stopped while ingesting");
      assertThat(output.lines().filter(line -> line.contains("-> NOT_RUNNING")).count()).as(output).isEqualTo(1);
      // and its static member has left the group, so the next run starts at once
      assertThat(group(admin, applicationId).members()).isEmpty();
    } finally {
      release.countDown();
      run.destroyForcibly();
      site.stop(0);
    }
  }

  private static ConsumerGroupDescription group(Admin admin, String groupId) throws Exception {
    return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
  }
}
