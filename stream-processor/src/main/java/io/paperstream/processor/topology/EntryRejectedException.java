package io.paperstream.processor.topology;

import io.paperstream.schemas.RawEntry;

/**
 * A raw entry that cannot become a paper record. Thrown inside the topology so that Kafka
 * Streams' processing exception handler sends the original record, with this message, to the
 * dead-letter topic and goes on.
 */
public final class EntryRejectedException extends RuntimeException {

  public EntryRejectedException(RawEntry entry, Exception cause) {
    super("cannot normalize entry at position " + entry.getPosition() + " of " + entry.getSource() + ": "
        + cause.getMessage(), cause);
  }
}
