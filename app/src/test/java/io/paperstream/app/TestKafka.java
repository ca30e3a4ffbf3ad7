package io.paperstream.app;

import io.paperstream.config.Settings;
import io.paperstream.kafka.EmbeddedKafkaBroker;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.processor.app.ProcessorSettings;
import io.paperstream.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One real single-node KRaft broker for all of this module's test classes (started on first
 * use, stopped when the test JVM exits), and unique topic names, application id and state
 * directory per test, so tests never see each other's data.
 */
final class TestKafka {

  private static EmbeddedKafkaBroker broker;

  private TestKafka() {}

  static synchronized String bootstrapServers() {
    if (broker == null) {
      try {
        Path dir = Files.createTempDirectory("paperstream-app-test-broker");
        broker = EmbeddedKafkaBroker.builder(dir).port(0).build().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedKafkaBroker started = broker;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return broker.bootstrapServers();
  }

  /** Settings of one test: its own topics, application id and HTTP port 0 (any free port). */
  static Map<String, String> uniqueSettings(String applicationId, Path stateDir) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings = new LinkedHashMap<>();
    for (String logical : Topics.DEFAULT_NAMES.keySet()) {
      settings.put("topics." + logical, logical + "-" + suffix);
    }
    settings.put(ProcessorSettings.APPLICATION_ID_KEY, applicationId + "-" + suffix);
    settings.put(ProcessorSettings.STATE_DIR_KEY, stateDir.toString());
    settings.put(ProcessorSettings.TREND_INTERVAL_KEY, "200");
    // a search right after the stack caught up must see every paper, not the index of up to 1 s before
    settings.put(ProcessorSettings.SEARCH_REFRESH_KEY, "0");
    settings.put(HttpApi.PORT_KEY, "0");
    return settings;
  }

  static Settings settings(Map<String, String> values) {
    Settings settings = Settings.defaults().with(KafkaCluster.BOOTSTRAP_KEY, bootstrapServers());
    for (Map.Entry<String, String> value : values.entrySet()) {
      settings = settings.with(value.getKey(), value.getValue());
    }
    return settings;
  }

  static Path pages() {
    try {
      return Path.of(TestKafka.class.getResource("/pages").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
