package io.paperstream.processor.app;

import io.paperstream.config.Settings;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.TopologyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the processor does when a stream thread fails. A failure a new thread can get past (a
 * broker gone for a while, a fenced producer, a bug hit by one record) replaces the thread:
 * under exactly-once the replacement resumes from the last committed transaction. A failure
 * every new thread would meet again stops the processor with one line that says what to do,
 * rather than replacing threads forever while nothing is processed: today that is the state of
 * another topology — internal topics whose partition counts this topology does not match (left
 * by an earlier version, or by raw entries whose partitions changed) — and a topology Kafka
 * Streams rejects.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

  /**
   * Kafka Streams' own words when an internal topic does not fit the topology
   * ({@code InternalTopicManager}); it raises a plain {@code StreamsException}, so the message is
   * all there is to tell it by.
   */
  private static final Pattern INVALID_PARTITIONS = Pattern.compile(
      "Existing internal topic (\\S+) has invalid partitions: expected: (\\d+); actual: (\\d+)");

  private final String applicationIdKey;
  private final Consumer<String> stoppedThread;
  // every stream thread meets the same fatal failure: said once
  private final AtomicReference<String> stopReason = new AtomicReference<>();

  /**
   * @param applicationIdKey the setting a user changes to start under a new application id
   * @param stoppedThread told the name of each stream thread that stops for good (on that thread)
   */
  StreamThreadFailures(String applicationIdKey, Consumer<String> stoppedThread) {
    this.applicationIdKey = applicationIdKey;
    this.stoppedThread = stoppedThread;
  }

  @Override
  public StreamThreadExceptionResponse handle(Throwable failure) {
    Optional<String> fatal = whyNoThreadCanRun(failure);
    if (fatal.isPresent()) {
      // Kafka's log file already holds the failure with its stack trace
      if (stopReason.compareAndSet(null, fatal.get())) {
        LOG.error("processor stopped: {}", fatal.get());
      }
      stoppedThread.accept(Thread.currentThread().getName());
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    LOG.error("stream thread failed; replacing it", failure);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /** Why the processor stopped, once a failure no stream thread can get past has stopped it. */
  Optional<String> stopReason() {
    return Optional.ofNullable(stopReason.get());
  }

  /** Why no stream thread of this topology can run on this cluster, when that is what {@code failure} says. */
  Optional<String> whyNoThreadCanRun(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TopologyException) {
        return Optional.of("Kafka Streams rejected the topology: " + cause.getMessage());
      }
      Matcher invalid = cause.getMessage() == null ? null : INVALID_PARTITIONS.matcher(cause.getMessage());
      if (invalid != null && invalid.find()) {
        return Optional.of(String.format(
            "internal topic %s has %s partition(s) where this version of the processor needs %s: it was made "
                + "by an earlier version (see Upgrading in the README) or before the raw entries' partitions "
                + "changed. Start the processor under a new %s (environment %s; it reprocesses the raw "
                + "entries into fresh state), or reset this application id's internal topics "
                + "(kafka-streams-application-reset)",
            invalid.group(1), invalid.group(3), invalid.group(2), applicationIdKey, Settings.envName(applicationIdKey)));
      }
    }
    return Optional.empty();
  }
}
