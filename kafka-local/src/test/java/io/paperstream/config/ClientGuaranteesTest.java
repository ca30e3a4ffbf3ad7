package io.paperstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientGuaranteesTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "kafka.acks=1|setting kafka.acks=1 would weaken paperstream's delivery guarantees (acks must be -1 or all); remove it",
      "kafka.enable.idempotence=false|setting kafka.enable.idempotence=false would weaken paperstream's delivery guarantees (enable.idempotence must be true); remove it",
      "kafka.producer.acks=0|setting kafka.producer.acks=0 would weaken paperstream's delivery guarantees (acks must be -1 or all); remove it",
      "kafka.isolation.level=read_uncommitted|setting kafka.isolation.level=read_uncommitted would weaken paperstream's delivery guarantees (isolation.level must be read_committed); remove it",
      "kafka.main.consumer.isolation.level=read_uncommitted|setting kafka.main.consumer.isolation.level=read_uncommitted would weaken paperstream's delivery guarantees (isolation.level must be read_committed); remove it",
      "kafka.processing.guarantee=at_least_once|setting kafka.processing.guarantee is not allowed: choose the processing guarantee with processor.processing-guarantee (default exactly_once_v2)"})
  void aWeakeningOverrideInTheFileIsRefusedInOneLine(String line, String message) throws Exception {
    // given a configuration file with the override
    Path file = Files.writeString(dir.resolve("paperstream.properties"), line + "\nkafka.security.protocol=SSL\n");

    // when / then the client settings are refused, naming it
    Settings settings = Settings.load(file, Map.of());
    assertThatThrownBy(settings::kafkaClientOverrides).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void aWeakeningOverrideInTheEnvironmentIsRefused() {
    Settings settings = Settings.load(null, Map.of("PAPERSTREAM_KAFKA_ENABLE_IDEMPOTENCE", "false"));

    assertThatThrownBy(settings::kafkaClientOverrides)
        .hasMessageStartingWith("setting kafka.enable.idempotence=false would weaken");
  }

  @Test
  void overridesThatKeepTheGuaranteesPass() throws Exception {
    // given the guarded settings at paperstream's own values, and unrelated settings
    Path file = Files.writeString(dir.resolve("paperstream.properties"),
        "kafka.acks=all\nkafka.producer.acks=-1\nkafka.enable.idempotence=true\n"
            + "kafka.isolation.level=READ_COMMITTED\nkafka.security.protocol=SASL_SSL\nkafka.linger.ms=50\n");

    // when
    var overrides = Settings.load(file, Map.of()).kafkaClientOverrides();

    // then they are all passed on
    assertThat(overrides).containsEntry("acks", "all").containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("linger.ms", "50").hasSize(6);
  }
}
