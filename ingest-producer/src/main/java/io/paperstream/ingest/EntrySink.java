package io.paperstream.ingest;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;

/** Where split entries and dead letters go: standard output, Kafka, a test's list. */
public interface EntrySink {

  void entry(RawEntry entry);

  void deadLetter(DeadLetter deadLetter);
}
