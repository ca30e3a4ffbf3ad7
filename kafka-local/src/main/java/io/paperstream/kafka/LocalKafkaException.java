package io.paperstream.kafka;

/**
 * The local broker could not be started or reached. The message is written for the person running
 * paperstream: it says what went wrong and what to change.
 */
public final class LocalKafkaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LocalKafkaException(String message) {
    super(message);
  }

  public LocalKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
