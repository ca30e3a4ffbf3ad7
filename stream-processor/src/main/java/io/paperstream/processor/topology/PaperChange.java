package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.KeywordDelta;
import io.paperstream.schemas.KeywordDeltas;
import io.paperstream.schemas.Paper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A material change to one paper's record: the record before and after (null when absent) and,
 * when a retired title key handed its record over, the id it went to. It travels only inside
 * the dedupe task (never serialized), so it also carries the extraction that derived the new
 * record's keywords: the paper's vocabulary lesson reads its candidate phrases instead of
 * reading the text again.
 *
 * @param extraction what derived {@code after}'s keywords in this change; null when they were
 *     carried over from an earlier record (or there is no {@code after})
 */
record PaperChange(String paperId, Paper before, Paper after, String movedTo, KeywordExtractor.Extraction extraction)
    implements DedupeResult {

  PaperChange {
    Objects.requireNonNull(paperId, "paperId");
  }

  /** A change whose keywords were not derived in it. */
  PaperChange(String paperId, Paper before, Paper after, String movedTo) {
    this(paperId, before, after, movedTo, null);
  }

  /**
   * How this change moves the distinct-paper counts, all in one record: -1 for each (keyword,
   * published date) the record lost, +1 for each it gained. Exact because the deduplicator's
   * store holds exactly the record that was counted before.
   */
  KeywordDeltas keywordDeltas() {
    Set<KeywordDateKey> before = counted(this.before);
    Set<KeywordDateKey> after = counted(this.after);
    List<KeywordDelta> deltas = new ArrayList<>();
    for (KeywordDateKey key : before) {
      if (!after.contains(key)) {
        deltas.add(new KeywordDelta(key.keyword(), key.date(), -1));
      }
    }
    for (KeywordDateKey key : after) {
      if (!before.contains(key)) {
        deltas.add(new KeywordDelta(key.keyword(), key.date(), 1));
      }
    }
    return new KeywordDeltas(paperId, deltas);
  }

  /** The (keyword, date) pairs a record counts for: none without a published date. */
  private static Set<KeywordDateKey> counted(Paper paper) {
    Set<KeywordDateKey> keys = new LinkedHashSet<>();
    if (paper != null && paper.getPublishedDate() != null) {
      for (String keyword : paper.getKeywords()) {
        keys.add(KeywordDateKey.of(keyword, paper.getPublishedDate()));
      }
    }
    return keys;
  }
}
