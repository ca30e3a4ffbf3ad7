package io.paperstream.ingest;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import java.util.function.Consumer;

/** Where split entries and dead letters go: standard output, Kafka, a test's list. */
public interface EntrySink {

  void entry(RawEntry entry);

  void deadLetter(DeadLetter deadLetter);

  /** A sink that hands entries to {@code entries} and dead letters to {@code deadLetters}. */
  static EntrySink of(Consumer<RawEntry> entries, Consumer<DeadLetter> deadLetters) {
    return new EntrySink() {
      @Override
      public void entry(RawEntry entry) {
        entries.accept(entry);
      }

      @Override
      public void deadLetter(DeadLetter deadLetter) {
        deadLetters.accept(deadLetter);
      }
    };
  }
}
