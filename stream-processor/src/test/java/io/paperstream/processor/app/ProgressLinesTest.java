package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The status lines of {@code papers process} on a real broker: the backlog split, then "caught up". */
class ProgressLinesTest {

  @TempDir Path stateDir;

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void saysWhatIsWaitingThenThatItCaughtUp() throws Exception {
    // given raw entries waiting for a processor
    TestPipeline pipeline = new TestPipeline(KAFKA.bootstrapServers(), stateDir);
    pipeline.ingest(List.of(Path.of(getClass().getResource("/pages").toURI()).toString()));
    StringWriter err = new StringWriter();

    // when the processor runs with its status lines
    try (KafkaCluster cluster = KafkaCluster.connect(pipeline.settings);
        LagMonitor lag = new LagMonitor(cluster.admin(), pipeline.applicationId, pipeline.topics, true);
        PaperProcessor processor = PaperProcessor.start(cluster, pipeline.settings);
        ProgressLines lines = ProgressLines.start("process", processor.streams()::state, lag,
            ProgressLines.outputsSettled(processor.streams()::state, lag), null, new PrintWriter(err, true))) {

      // then it says how many entries wait and how much internal work is behind them, and
      // once nothing is left, that it caught up
      await().atMost(Duration.ofMinutes(2)).until(() -> err.toString().contains("process: caught up"));
    }
    assertThat(err.toString())
        .containsPattern("process: (REBALANCING|RUNNING), [0-9,]+ (entry|entries) waiting, [0-9,]+ internal")
        .contains("process: caught up; waiting for new entries (Ctrl-C stops)")
        .doesNotContain("lag");
  }
}
