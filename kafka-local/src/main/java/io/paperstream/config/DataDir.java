package io.paperstream.config;

import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.LocalKafka;
import java.nio.file.Path;

/**
 * Where a paperstream process keeps what it writes: the local broker's data ({@code kafka/}),
 * the processor's state ({@code streams/}) and the log file ({@code logs/paperstream.log}). Two
 * runs with different data directories share nothing, so a second {@code papers run --once}
 * does not see the first one's topics.
 */
public final class DataDir {

  /** Setting {@code data-dir} (flag {@code --data-dir}, environment {@code PAPERSTREAM_DATA_DIR}). */
  public static final String KEY = "data-dir";
  public static final String LOG_FILE = "paperstream.log";

  private DataDir() {}

  /** The data directory: the setting, else {@code $PAPERSTREAM_HOME}, else {@code ~/.paperstream}. */
  public static Path of(Settings settings) {
    return settings.getPath(KEY, LocalKafka.defaultDataDir().getParent());
  }

  /** The local broker's data: setting {@code local.data-dir}, else {@code <data-dir>/kafka}. */
  public static Path kafka(Settings settings) {
    return settings.getPath(KafkaCluster.LOCAL_DATA_DIR_KEY, of(settings).resolve(LocalKafka.KAFKA_SUBDIR));
  }

  /** The rotating log file that Kafka's own lines go to: {@code <data-dir>/logs/paperstream.log}. */
  public static Path logFile(Settings settings) {
    return of(settings).resolve("logs").resolve(LOG_FILE);
  }
}
