package io.paperstream.processor.app;

import io.paperstream.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code papers process} in a JVM of its own ({@link ProcessorMain}), for tests that kill it with
 * SIGKILL: no shutdown hook runs, no transaction is committed or aborted, as in a real crash.
 */
final class ProcessorJvm {

  /**
   * The settings a child processor needs to join {@code pipeline} besides its topics (every one
   * of {@link Topics#DEFAULT_NAMES}, so a new topic is never left on its default name): its
   * application id, state, emit interval.
   */
  private static final List<String> PIPELINE_KEYS = List.of(ProcessorSettings.APPLICATION_ID_KEY,
      ProcessorSettings.STATE_DIR_KEY, ProcessorSettings.TREND_INTERVAL_KEY);

  private ProcessorJvm() {}

  /** A configuration file for {@code pipeline}'s processor, with {@code extra} settings on top. */
  static Path writeConfig(Path file, TestPipeline pipeline, Map<String, String> extra) throws IOException {
    StringBuilder properties = new StringBuilder();
    List<String> keys = new ArrayList<>(PIPELINE_KEYS);
    Topics.DEFAULT_NAMES.keySet().forEach(logical -> keys.add("topics." + logical));
    for (String key : keys) {
      properties.append(key).append('=').append(pipeline.settings.find(key).orElseThrow()).append('\n');
    }
    extra.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
    return Files.writeString(file, properties.toString());
  }

  /**
   * Starts a processor JVM on {@code config}; {@code environment} adds {@code PAPERSTREAM_*}
   * variables (e.g. a state directory of its own); the output goes to
   * {@code target/<logName>.log}.
   */
  static Process start(String bootstrapServers, Path config, String logName, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ProcessorMain.class.getName(),
        "--bootstrap-servers", bootstrapServers,
        "--config", config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(Path.of("target", logName + ".log").toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }
}
