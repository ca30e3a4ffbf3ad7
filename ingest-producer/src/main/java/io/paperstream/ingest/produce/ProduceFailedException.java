package io.paperstream.ingest.produce;

/** Some records were not acknowledged by Kafka after the producer's retries. */
public final class ProduceFailedException extends RuntimeException {

  public ProduceFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
