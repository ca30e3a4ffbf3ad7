package io.paperstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.schemas.AvroSerde;
import io.paperstream.schemas.RegistryAvroSerde;
import io.paperstream.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code serde.format} and the {@code schema.registry.*} settings, as the topic registry gets them. */
class SerdeSettingsTest {

  @Test
  void embeddedIsTheDefaultAndNeedsNoRegistry() {
    // given no setting at all
    Topics topics = PipelineTopics.from(Settings.defaults());

    // then every Avro topic writes the single-object encoding
    assertThat(topics.format().name()).isEqualTo("embedded");
    assertThat(topics.papers().valueSerde()).isInstanceOf(AvroSerde.class);
    assertThat(topics.format().registryClient()).isEmpty();
  }

  @Test
  void registryModeSwitchesThePublishedTopicsAndKeepsTheInternalOnesEmbedded() {
    // given registry mode from the environment
    Settings settings = Settings.load(null, Map.of("PAPERSTREAM_SERDE_FORMAT", "registry",
        "PAPERSTREAM_SCHEMA_REGISTRY_URL", "http://registry:8081/"));

    // when the topics are built (nothing is contacted until a record is written or read)
    Topics topics = PipelineTopics.from(settings);

    // then the topics consumers read are registry-framed, the processor's internal one is not
    assertThat(topics.format().registryClient()).hasValueSatisfying(
        client -> assertThat(client.url()).hasToString("http://registry:8081"));
    for (var topic : java.util.List.of(topics.rawEntries(), topics.rawDeadLetters(), topics.papers(),
        topics.keywordDailyCounts(), topics.keywordTrends(), topics.keywordEmerging(), topics.fetchLog(), topics.ingestLog())) {
      assertThat(topic.valueSerde()).as(topic.name()).isInstanceOf(RegistryAvroSerde.class);
      assertThat(topics.valueSubject(topic)).as(topic.name()).hasValue(topic.name() + "-value");
    }
    assertThat(topics.sightings().valueSerde()).isInstanceOf(AvroSerde.class);
    assertThat(topics.valueSubject(topics.sightings())).isEmpty();
  }

  @Test
  void compatibilityDefaultsToBackwardTransitiveAndTimeoutToTenSeconds() {
    var config = SerdeSettings.registryConfig(Settings.load(null, Map.of("PAPERSTREAM_SCHEMA_REGISTRY_URL", "http://r:1")));

    assertThat(config.compatibility()).isEqualTo("BACKWARD_TRANSITIVE");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.userInfo()).isNull();
  }

  @Test
  void compatibilityRegistryLeavesTheSubjectsLevelAlone() {
    var config = SerdeSettings.registryConfig(Settings.load(null, Map.of("PAPERSTREAM_SCHEMA_REGISTRY_URL", "http://r:1",
        "PAPERSTREAM_SCHEMA_REGISTRY_COMPATIBILITY", "registry", "PAPERSTREAM_SCHEMA_REGISTRY_USER_INFO", "u:p")));

    assertThat(config.compatibility()).isNull();
    assertThat(config.userInfo()).isEqualTo("u:p");
  }

  @Test
  void mistakesAreOneLineErrorsNamingTheSetting() {
    assertThatThrownBy(() -> SerdeSettings.from(Settings.load(null, Map.of("PAPERSTREAM_SERDE_FORMAT", "registry"))))
        .hasMessage("serde.format=registry needs schema.registry.url (environment PAPERSTREAM_SCHEMA_REGISTRY_URL)");
    assertThatThrownBy(() -> SerdeSettings.from(Settings.load(null, Map.of("PAPERSTREAM_SERDE_FORMAT", "confluent"))))
        .hasMessage("serde.format must be embedded or registry, not 'confluent'");
    assertThatThrownBy(() -> SerdeSettings.from(Settings.load(null, Map.of("PAPERSTREAM_SERDE_FORMAT", "registry",
        "PAPERSTREAM_SCHEMA_REGISTRY_URL", "http://r:1", "PAPERSTREAM_SCHEMA_REGISTRY_COMPATIBILITY", "sideways"))))
        .hasMessageStartingWith("schema.registry.compatibility must be one of [BACKWARD, ");
    assertThatThrownBy(() -> SerdeSettings.from(Settings.load(null, Map.of("PAPERSTREAM_SERDE_FORMAT", "registry",
        "PAPERSTREAM_SCHEMA_REGISTRY_URL", "registry:8081"))))
        .hasMessage("schema.registry.url: schema registry URL must be http(s)://...: registry:8081");
  }
}
