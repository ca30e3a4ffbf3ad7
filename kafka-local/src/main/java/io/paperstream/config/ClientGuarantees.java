package io.paperstream.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The client settings paperstream's guarantees rest on, which {@code kafka.*} settings may not
 * weaken: idempotent producers with {@code acks=all} (no entry lost or written twice by a
 * retry), {@code read_committed} consumers (no record of an aborted transaction seen), and
 * Kafka Streams' processing guarantee (exactly once unless chosen otherwise).
 *
 * <p>{@code kafka.*} settings are applied after paperstream's own, so without this check
 * {@code kafka.acks=1} would silently turn the guarantees off. A setting equal to paperstream's
 * own is harmless and allowed; any other value is refused with one line naming the setting. The
 * one documented way to trade the guarantee for speed is
 * {@code processor.processing-guarantee=at_least_once}.
 */
public final class ClientGuarantees {

  /** What each guarded client setting must be, when given at all. */
  private static final Map<String, Set<String>> REQUIRED = Map.of(
      "enable.idempotence", Set.of("true"),
      "acks", Set.of("all", "-1"),
      "isolation.level", Set.of("read_committed"));
  /** Settings with a paperstream key of their own. */
  private static final Map<String, String> OWN_KEYS = Map.of(
      "processing.guarantee", "processor.processing-guarantee");
  /** Prefixes by which Kafka Streams passes a setting to one of its clients. */
  private static final List<String> CLIENT_PREFIXES = List.of(
      "main.consumer.", "restore.consumer.", "global.consumer.", "consumer.", "producer.", "admin.");

  private ClientGuarantees() {}

  /**
   * Checks the {@code kafka.*} overrides (names without the {@code kafka.} prefix).
   *
   * @throws IllegalArgumentException naming the first override that would weaken a guarantee
   */
  public static void check(Properties overrides) {
    for (String name : overrides.stringPropertyNames().stream().sorted().toList()) {
      problem(name, overrides.getProperty(name)).ifPresent(message -> {
        throw new IllegalArgumentException(message);
      });
    }
  }

  private static Optional<String> problem(String name, String value) {
    String setting = withoutClientPrefix(name);
    if (OWN_KEYS.containsKey(setting)) {
      return Optional.of("setting kafka." + name + " is not allowed: choose the processing guarantee with "
          + OWN_KEYS.get(setting) + " (default exactly_once_v2)");
    }
    Set<String> allowed = REQUIRED.get(setting);
    if (allowed != null && !allowed.contains(value.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of("setting kafka." + name + "=" + value + " would weaken paperstream's delivery guarantees ("
          + setting + " must be " + String.join(" or ", allowed.stream().sorted().toList())
          + "); remove it");
    }
    return Optional.empty();
  }

  private static String withoutClientPrefix(String name) {
    for (String prefix : CLIENT_PREFIXES) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }
}
