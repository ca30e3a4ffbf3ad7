package io.paperstream.ingest;

import io.paperstream.console.Counted;
import io.paperstream.schemas.SourceKind;
import java.util.EnumMap;
import java.util.Map;

/** Counts of one ingest run, for the closing summary line and the exit code. */
public final class IngestSummary {

  private int pages;
  private int unreadable;
  private int entries;
  private int deadLetters;
  private int skipped;
  private final Map<SourceKind, Integer> pagesByKind = new EnumMap<>(SourceKind.class);

  void countPage(SourceKind kind) {
    pages++;
    if (kind != null) {
      pagesByKind.merge(kind, 1, Integer::sum);
    }
  }

  void countSkipped() {
    skipped++;
  }

  void countUnreadable() {
    unreadable++;
  }

  void addEntries(int count) {
    entries += count;
  }

  void addDeadLetters(int count) {
    deadLetters += count;
  }

  /** Pages read (whatever they held). */
  public int pages() {
    return pages;
  }

  /** Sources that could not be fetched, or pages that could not be read at all. */
  public int unreadable() {
    return unreadable;
  }

  public int entries() {
    return entries;
  }

  public int deadLetters() {
    return deadLetters;
  }

  /** Pages the ingest log says were produced before: not sent again. */
  public int skipped() {
    return skipped;
  }

  public Map<SourceKind, Integer> pagesByKind() {
    return Map.copyOf(pagesByKind);
  }

  @Override
  public String toString() {
    StringBuilder kinds = new StringBuilder();
    pagesByKind.forEach((kind, n) -> kinds.append(kinds.length() == 0 ? " (" : ", ").append(n).append(' ').append(kind));
    if (kinds.length() > 0) {
      kinds.append(')');
    }
    return Counted.pages(pages) + kinds + ", " + Counted.entries(entries) + ", " + Counted.deadLetters(deadLetters)
        + ", " + Counted.of(unreadable, "unreadable source")
        + (skipped > 0 ? ", " + Counted.pages(skipped) + " already ingested, skipped (--force sends them again)" : "");
  }
}
