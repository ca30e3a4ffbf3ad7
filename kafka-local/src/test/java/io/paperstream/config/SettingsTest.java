package io.paperstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path dir;

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
    // given a file and an environment that both set some keys
    Path file = dir.resolve("paperstream.properties");
    Files.writeString(file, "topics.partitions=6\ntopics.raw-entries=from-file\nlocal.port=9999\n");
    Map<String, String> env = Map.of("PAPERSTREAM_TOPICS_RAW_ENTRIES", "from-env", "PAPERSTREAM_LOCAL_PORT", "9300");

    // when they are loaded, and a flag overrides one key
    Settings settings = Settings.load(file, env).with("local.port", "9400");

    // then each key comes from the strongest layer that sets it
    assertThat(settings.get("topics.raw-entries", "default")).isEqualTo("from-env");
    assertThat(settings.getInt("topics.partitions", 3)).isEqualTo(6);
    assertThat(settings.getInt("local.port", 9092)).isEqualTo(9400);
    assertThat(settings.get("bootstrap.servers", "none")).isEqualTo("none");
  }

  @Test
  void anAbsentFlagLeavesTheEnvironmentInForce() {
    Settings settings = Settings.load(null, Map.of("PAPERSTREAM_BOOTSTRAP_SERVERS", "kafka-1:9092"))
        .with("bootstrap.servers", null);

    assertThat(settings.find("bootstrap.servers")).contains("kafka-1:9092");
  }

  @Test
  void configFileCanBeNamedByTheEnvironment() throws IOException {
    Path file = dir.resolve("other.properties");
    Files.writeString(file, "bootstrap.servers=kafka-1:9092\n");

    Settings settings = Settings.load(null, Map.of(Settings.CONFIG_ENV, file.toString()));

    assertThat(settings.find("bootstrap.servers")).contains("kafka-1:9092");
  }

  @Test
  void kafkaPrefixedKeysPassThroughToClients() throws IOException {
    Path file = dir.resolve("p.properties");
    Files.writeString(file, "kafka.security.protocol=SSL\nother=1\n");

    Settings settings = Settings.load(file, Map.of("PAPERSTREAM_KAFKA_CLIENT_ID", "ingest-7"));

    assertThat(settings.kafkaClientOverrides())
        .containsEntry("security.protocol", "SSL")
        .containsEntry("client.id", "ingest-7")
        .hasSize(2);
  }

  @Test
  void badNumbersAndMissingFilesAreClearErrors() {
    Settings settings = Settings.load(null, Map.of("PAPERSTREAM_TOPICS_PARTITIONS", "three"));

    assertThatThrownBy(() -> settings.getInt("topics.partitions", 3))
        .hasMessageContaining("topics.partitions")
        .hasMessageContaining("PAPERSTREAM_TOPICS_PARTITIONS")
        .hasMessageContaining("three");
    assertThatThrownBy(() -> Settings.load(dir.resolve("missing.properties"), Map.of()))
        .hasMessageContaining("missing.properties");
  }
}
