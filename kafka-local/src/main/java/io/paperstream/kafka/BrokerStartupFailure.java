package io.paperstream.kafka;

import java.net.BindException;
import java.nio.file.Path;

/** Turns the exception a failed broker startup throws into one line a person can act on. */
final class BrokerStartupFailure {

  private BrokerStartupFailure() {
  }

  static LocalKafkaException explain(RuntimeException e, String bootstrapServers, Path dataDir,
      BrokerDataDir dir) {
    String causes = causeMessages(e);
    if (causes.contains("Failed to acquire lock")) {
      return dir.inUse(e);
    }
    if (isBindFailure(e)) {
      return new LocalKafkaException("Cannot listen on " + bootstrapServers + ": " + causes
          + ". Stop whatever uses the port or choose another port.", e);
    }
    return new LocalKafkaException("Kafka broker in " + dataDir + " failed to start: " + causes,
        e);
  }

  static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  static String causeMessages(Throwable e) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && messages.indexOf(t.getMessage()) < 0) {
        messages.append(messages.length() == 0 ? "" : ": ").append(t.getMessage());
      }
    }
    return messages.length() == 0 ? e.getClass().getName() : messages.toString();
  }
}
