package io.paperstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

  @Test
  void extrasOverrideTheSingleNodeDefaultsButNotTheAddresses() {
    // given an extra setting that overrides a default
    Map<String, String> extra = Map.of("num.partitions", "4");

    // when
    Map<String, Object> props = BrokerProperties.of(Path.of("/data/kafka"), 9092, 9093,
        Duration.ofSeconds(30), extra);

    // then
    assertThat(props)
        .containsEntry("num.partitions", "4")
        .containsEntry("server.max.startup.time.ms", "30000")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
        .containsEntry("log.dirs", Path.of("/data/kafka").toString());
  }

  @Test
  void refusesToLetASettingRedefineWhereTheDataLives() {
    // given / when / then
    assertThatThrownBy(() -> BrokerProperties.requireOverridable("log.dirs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'log.dirs'");
    BrokerProperties.requireOverridable("num.partitions");
  }
}
