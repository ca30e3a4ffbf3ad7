package io.paperstream.processor.search;

import java.util.Map;

/**
 * The search index's settings, read from the Streams configuration: how stale a search may be
 * ({@link SearchIndexStore#REFRESH_MS_CONFIG}) and the heap of not yet flushed documents
 * ({@link SearchIndexStore#BUFFER_MB_CONFIG}).
 */
record SearchIndexSettings(long refreshNanos, long bufferMb) {

  static SearchIndexSettings from(Map<String, Object> configs) {
    long refreshMs = setting(configs, SearchIndexStore.REFRESH_MS_CONFIG, SearchIndexStore.DEFAULT_REFRESH_MS, 0, "ms");
    long bufferMb = setting(configs, SearchIndexStore.BUFFER_MB_CONFIG, SearchIndexStore.DEFAULT_BUFFER_MB, 1, "MiB");
    return new SearchIndexSettings(refreshMs * 1_000_000, bufferMb);
  }

  /** A setting of the store: a whole number of {@code unit} >= {@code min}; absent: {@code defaultValue}. */
  private static long setting(Map<String, Object> configs, String key, long defaultValue, long min, String unit) {
    Object configured = configs.get(key);
    if (configured == null) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(configured.toString().strip());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new IllegalArgumentException(key + " must be a whole number of " + unit + " >= " + min + ", not '" + configured + "'");
  }
}
