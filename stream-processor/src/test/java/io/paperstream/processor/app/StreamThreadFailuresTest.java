package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.TopologyException;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

  private static final String KAFKAS_MESSAGE = "Existing internal topic app-a-vocabulary-deltas-repartition has "
      + "invalid partitions: expected: 3; actual: 1. Use 'org.apache.kafka.tools.StreamsResetter' tool to clean up "
      + "invalid topics before processing.";

  private final List<String> stopped = new ArrayList<>();
  private final StreamThreadFailures failures = new StreamThreadFailures("processor.application-id", stopped::add);

  @Test
  void internalTopicsOfAnotherTopologyStopTheProcessorWithWhatToDo() {
    // given the failure Kafka Streams raises, wrapped as a stream thread sees it
    Throwable failure = new KafkaException("rebalance failed", new StreamsException(KAFKAS_MESSAGE));

    // when a stream thread fails with it
    StreamThreadExceptionResponse response = failures.handle(failure);

    // then the processor stops, saying which topic, what it has, what is needed and what to change
    assertThat(response).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(failures.whyNoThreadCanRun(failure)).hasValueSatisfying(why -> assertThat(why)
        .contains("app-a-vocabulary-deltas-repartition has 1 partition(s)", "needs 3", "new processor.application-id", "PAPERSTREAM_PROCESSOR_APPLICATION_ID"));
    // and keeps the reason for the user, and lets the failed thread's group member go
    assertThat(failures.stopReason()).isEqualTo(failures.whyNoThreadCanRun(failure));
    assertThat(stopped).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void aRejectedTopologyStopsTheProcessor() {
    // given a topology Kafka Streams refuses
    Throwable failure = new StreamsException(new TopologyException("store papers-by-id is not connected"));

    // when a stream thread fails with it, then the processor stops
    assertThat(failures.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(failures.whyNoThreadCanRun(failure)).hasValueSatisfying(why -> assertThat(why)
        .contains("rejected the topology", "papers-by-id"));
  }

  @Test
  void aFailureANewThreadCanGetPastReplacesTheThread() {
    // given failures that pass: a broker out of reach for a while, a record that broke a processor
    Throwable timeout = new StreamsException(new TimeoutException("Timeout expired while fetching topic metadata"));
    Throwable bug = new StreamsException("Exception caught in process", new IllegalStateException("boom"));

    // when a stream thread fails with them, then it is replaced
    assertThat(failures.handle(timeout)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(failures.handle(bug)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(failures.whyNoThreadCanRun(new StreamsException((String) null))).isEmpty();
    // and nothing is said to have stopped the processor
    assertThat(failures.stopReason()).isEmpty();
    assertThat(stopped).isEmpty();
  }
}
