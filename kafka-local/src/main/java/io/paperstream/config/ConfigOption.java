package io.paperstream.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option of every command that reads the configuration: which file (over the environment's own). */
public final class ConfigOption {

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (Java properties); default: $PAPERSTREAM_CONFIG, if set.")
  Path configFile;

  /** The settings of the file and the environment. */
  public Settings settings() {
    return Settings.load(configFile);
  }
}
