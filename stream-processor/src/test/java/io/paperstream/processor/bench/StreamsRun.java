package io.paperstream.processor.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/** One Kafka Streams application under measurement: started, awaited, closed and its state wiped. */
final class StreamsRun implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(120);

  final KafkaStreams streams;

  StreamsRun(Topology topology, Properties config) {
    this.streams = new KafkaStreams(topology, config);
  }

  /** Starts and waits until RUNNING (assignment done, state restored). */
  StreamsRun start() throws InterruptedException {
    streams.start();
    await(() -> streams.state() == KafkaStreams.State.RUNNING, START, "the streams application to run");
    return this;
  }

  /** Polls {@code condition} every 100 ms until it holds; fails after {@code limit}, naming {@code what}. */
  static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up after " + limit + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(60));
    streams.cleanUp();
  }
}
