package io.paperstream.config;

import io.paperstream.schemas.SchemaRegistryClient;
import io.paperstream.schemas.SerdeFormat;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The wire form of the topics' Avro values as configured: {@code serde.format} and, in registry
 * mode, the {@code schema.registry.*} settings.
 */
public final class SerdeSettings {

  public static final String FORMAT_KEY = "serde.format";
  public static final String URL_KEY = "schema.registry.url";
  public static final String USER_INFO_KEY = "schema.registry.user-info";
  public static final String COMPATIBILITY_KEY = "schema.registry.compatibility";
  public static final String TIMEOUT_KEY = "schema.registry.timeout";

  /** Consumers with the newest schema read every record ever written, as with the embedded history. */
  public static final String DEFAULT_COMPATIBILITY = "BACKWARD_TRANSITIVE";
  /** The compatibility value that leaves each subject at the registry's default. */
  public static final String REGISTRY_DEFAULT = "registry";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> LEVELS = Set.of("BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE",
      "FULL", "FULL_TRANSITIVE", "NONE");

  private SerdeSettings() {}

  /** The configured format; registry mode without a URL, or an unknown level, is a one-line error. */
  public static SerdeFormat from(Settings settings) {
    String format = SerdeFormat.checkName(settings.get(FORMAT_KEY, SerdeFormat.EMBEDDED));
    if (format.equals(SerdeFormat.EMBEDDED)) {
      return SerdeFormat.embedded();
    }
    return SerdeFormat.registry(new SchemaRegistryClient(registryConfig(settings)));
  }

  static SchemaRegistryClient.Config registryConfig(Settings settings) {
    String url = settings.find(URL_KEY).orElseThrow(() -> new IllegalArgumentException(
        FORMAT_KEY + "=registry needs " + URL_KEY + " (environment " + Settings.envName(URL_KEY) + ")"));
    String level = settings.get(COMPATIBILITY_KEY, DEFAULT_COMPATIBILITY);
    if (!level.equalsIgnoreCase(REGISTRY_DEFAULT) && !LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException(COMPATIBILITY_KEY + " must be one of " + new java.util.TreeSet<>(LEVELS)
          + " or " + REGISTRY_DEFAULT + ", not '" + level + "'");
    }
    try {
      return new SchemaRegistryClient.Config(URI.create(url), settings.find(USER_INFO_KEY).orElse(null),
          level.equalsIgnoreCase(REGISTRY_DEFAULT) ? null : level, settings.getDuration(TIMEOUT_KEY, DEFAULT_TIMEOUT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(URL_KEY + ": " + e.getMessage(), e);
    }
  }
}
