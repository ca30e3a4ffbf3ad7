package io.paperstream.ingest;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import java.util.ArrayList;
import java.util.List;

/** Keeps what it is given, in order: for pages that fit in memory (the feed) and for tests. */
public final class CollectingSink implements EntrySink {

  private final List<RawEntry> entries = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  @Override
  public void entry(RawEntry entry) {
    entries.add(entry);
  }

  @Override
  public void deadLetter(DeadLetter deadLetter) {
    deadLetters.add(deadLetter);
  }

  /** The entries so far (the live list). */
  public List<RawEntry> entries() {
    return entries;
  }

  /** The dead letters so far (the live list). */
  public List<DeadLetter> deadLetters() {
    return deadLetters;
  }
}
