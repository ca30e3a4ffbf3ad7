package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import java.nio.file.Path;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processors on one data directory (a {@code papers run} and a {@code papers process} started
 * from the same home): the second is refused in one line that says what to change, and the first
 * goes on.
 */
class SharedStateDirectoryTest {

  @TempDir Path stateDir;

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void aSecondProcessorOnTheSameStateDirectoryIsRefusedAndTheFirstGoesOn() {
    // given a processor running on a state directory
    TestPipeline pipeline = new TestPipeline(KAFKA.bootstrapServers(), stateDir);
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings);
        PaperProcessor first = PaperProcessor.start(cluster, pipeline.settings)) {

      // when a second starts on the same settings, then it is refused, naming the directory and the way out
      try (KafkaCluster again = KafkaCluster.connect(pipeline.settings)) {
        assertThatThrownBy(() -> PaperProcessor.start(again, pipeline.settings).close())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("state directory " + stateDir)
            .hasMessageContaining("in use by another processor")
            .hasMessageContaining("--data-dir");
      }

      // and the first is still running
      assertThat(first.terminated()).isFalse();
      assertThat(first.streams().state()).isIn(KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);
    }
  }
}
