package io.paperstream.ingest.split;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.util.List;

/**
 * What one page split into: its entries in page order, and located explanations for whatever could
 * not be turned into an entry.
 *
 * @param kind the detected page form; null when the form could not be detected
 * @param entries the entries, in page order
 * @param deadLetters per-entry problems (position set) or one whole-page problem (position null)
 */
public record SplitResult(SourceKind kind, List<RawEntry> entries, List<DeadLetter> deadLetters) {

  public SplitResult {
    entries = List.copyOf(entries);
    deadLetters = List.copyOf(deadLetters);
  }
}
