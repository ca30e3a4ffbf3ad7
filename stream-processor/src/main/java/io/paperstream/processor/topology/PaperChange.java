package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A material change to one paper's record: the record before and after (null when absent) and,
 * when a retired title key handed its record over, the id it went to.
 */
record PaperChange(String paperId, Paper before, Paper after, String movedTo) {

  static final String SEPARATOR = "|";

  /**
   * Link-table updates for the keyword counts: {@code keyword|date|paperId} → paper id for
   * each (keyword, date) the paper gained, → null for each it lost.
   */
  Map<String, String> linkUpdates() {
    Map<String, String> before = links(this.before);
    Map<String, String> after = links(this.after);
    Map<String, String> updates = new HashMap<>();
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> updates.put(k, null));
    after.forEach((k, v) -> {
      if (!before.containsKey(k)) {
        updates.put(k, v);
      }
    });
    return updates;
  }

  static String keywordDateKey(String keyword, LocalDate date) {
    return keyword + SEPARATOR + date;
  }

  /** {@code keyword|date} of a link key {@code keyword|date|paperId}. */
  static String keywordDateOfLink(String linkKey) {
    int last = linkKey.indexOf(SEPARATOR, linkKey.indexOf(SEPARATOR) + 1);
    return linkKey.substring(0, last);
  }

  private static Map<String, String> links(Paper paper) {
    Map<String, String> links = new HashMap<>();
    if (paper == null || paper.getPublishedDate() == null) {
      return links;
    }
    for (String keyword : paper.getKeywords()) {
      links.put(keywordDateKey(keyword, paper.getPublishedDate()) + SEPARATOR + paper.getPaperId(),
          paper.getPaperId());
    }
    return links;
  }

  PaperChange {
    Objects.requireNonNull(paperId, "paperId");
  }
}
