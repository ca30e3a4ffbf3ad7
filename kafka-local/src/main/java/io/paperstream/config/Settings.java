package io.paperstream.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * paperstream's configuration, looked up in layers: a command-line flag (passed by the caller)
 * beats an environment variable, which beats the configuration file, which beats the default.
 *
 * <p>A key {@code topics.raw-entries} is read from the environment as
 * {@code PAPERSTREAM_TOPICS_RAW_ENTRIES} and from the file as {@code topics.raw-entries}. Keys
 * under {@code kafka.} are handed to every Kafka client as they are (without the prefix), so
 * that security or tuning settings need no code.
 */
public final class Settings {

  /** Environment variable naming a configuration file, used when no {@code --config} is given. */
  public static final String CONFIG_ENV = "PAPERSTREAM_CONFIG";

  private static final String ENV_PREFIX = "PAPERSTREAM_";
  private static final String KAFKA_PREFIX = "kafka.";

  private final Properties file;
  private final Map<String, String> env;

  private Settings(Properties file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  /** Settings from the process environment and {@code configFile}, or {@code $PAPERSTREAM_CONFIG}. */
  public static Settings load(Path configFile) {
    return load(configFile, System.getenv());
  }

  public static Settings load(Path configFile, Map<String, String> env) {
    Path path = configFile;
    if (path == null && env.get(CONFIG_ENV) != null && !env.get(CONFIG_ENV).isBlank()) {
      path = Path.of(env.get(CONFIG_ENV));
    }
    return new Settings(path == null ? new Properties() : readFile(path), Map.copyOf(env));
  }

  /** No file, no environment: defaults only (tests). */
  public static Settings defaults() {
    return new Settings(new Properties(), Map.of());
  }

  /** A copy of these settings in which {@code key} is set, as a flag would set it; null sets nothing. */
  public Settings with(String key, String value) {
    if (value == null) {
      // an absent flag overrides nothing: the environment and the file still count
      return this;
    }
    Properties copy = new Properties();
    copy.putAll(file);
    copy.setProperty(key, value);
    Map<String, String> envWithout = new java.util.HashMap<>(env);
    envWithout.remove(envName(key));
    return new Settings(copy, Map.copyOf(envWithout));
  }

  public Optional<String> find(String key) {
    String fromEnv = env.get(envName(key));
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.strip());
    }
    String fromFile = file.getProperty(key);
    return fromFile == null || fromFile.isBlank() ? Optional.empty() : Optional.of(fromFile.strip());
  }

  public String get(String key, String defaultValue) {
    return find(key).orElse(defaultValue);
  }

  public int getInt(String key, int defaultValue) {
    return find(key).map(v -> parseInt(key, v)).orElse(defaultValue);
  }

  /** A duration as users write it ({@code 10s}, {@code 30m}, {@code PT1H}); see {@link Durations}. */
  public Duration getDuration(String key, Duration defaultValue) {
    return find(key).map(v -> {
      try {
        return Durations.parse(v);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("setting " + key + " (environment " + envName(key) + "): " + e.getMessage(), e);
      }
    }).orElse(defaultValue);
  }

  public Path getPath(String key, Path defaultValue) {
    return find(key).map(Path::of).orElse(defaultValue);
  }

  /**
   * Client properties given as {@code kafka.<name>} in the file or {@code PAPERSTREAM_KAFKA_<NAME>}.
   *
   * @throws IllegalArgumentException when one would weaken a delivery guarantee ({@link ClientGuarantees})
   */
  public Properties kafkaClientOverrides() {
    Properties overrides = new Properties();
    file.stringPropertyNames().stream()
        .filter(k -> k.startsWith(KAFKA_PREFIX))
        .forEach(k -> overrides.setProperty(k.substring(KAFKA_PREFIX.length()), file.getProperty(k).strip()));
    env.forEach((name, value) -> {
      String prefix = ENV_PREFIX + "KAFKA_";
      if (name.startsWith(prefix) && value != null && !value.isBlank()) {
        overrides.setProperty(name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value.strip());
      }
    });
    ClientGuarantees.check(overrides);
    return overrides;
  }

  /** The environment variable {@code key} is read from: {@code a.b-c} → {@code PAPERSTREAM_A_B_C}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " (environment " + envName(key)
          + ") must be a whole number, not '" + value + "'", e);
    }
  }

  private static Properties readFile(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration file " + path + ": " + e.getMessage(), e);
    }
  }
}
