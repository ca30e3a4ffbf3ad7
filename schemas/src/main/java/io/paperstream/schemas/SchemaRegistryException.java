package io.paperstream.schemas;

import org.apache.kafka.common.KafkaException;

/**
 * The schema registry could not be used: unreachable, too slow, refusing the credentials, or
 * refusing a schema (incompatible with the subject's earlier versions). Not the fault of the
 * record being written or read, so never a reason to dead-letter it.
 */
public final class SchemaRegistryException extends KafkaException {

  private static final long serialVersionUID = 1L;

  public SchemaRegistryException(String message) {
    super(message);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether {@code error} or one of its causes is a registry failure. */
  public static boolean isCauseOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SchemaRegistryException) {
        return true;
      }
    }
    return false;
  }
}
