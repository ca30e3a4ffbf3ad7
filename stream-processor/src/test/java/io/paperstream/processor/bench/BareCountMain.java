package io.paperstream.processor.bench;

import io.paperstream.config.Settings;
import io.paperstream.processor.app.ProcessorSettings;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The bare repartition+count app in a JVM of its own, with the processor's Streams settings.
 * Args: CONFIG-FILE APPLICATION-ID INPUT OUTPUT; runs until SIGTERM.
 */
public final class BareCountMain {

  private BareCountMain() {}

  public static void main(String[] args) throws InterruptedException {
    Settings settings = Settings.load(Path.of(args[0]));
    Properties config = new ProcessorSettings(settings).streamsConfig(
        settings.get("bootstrap.servers", null), settings.kafkaClientOverrides());
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
    KafkaStreams streams = new KafkaStreams(BareCountTopology.build(args[2], args[3]), config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      streams.close();
      stopped.countDown();
    }, "bare-count-shutdown"));
    streams.start();
    stopped.await();
  }
}
