package io.paperstream.processor.enrich.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A paper whose page supplied its own keywords: the answer key of the keyword evaluation and
 * the examples the ranker learns from.
 *
 * @param id the paper id
 * @param date the day it was listed (featured date, else page or published date)
 * @param title the normalized title
 * @param abstractText the normalized abstract; may be null
 * @param summary the page's own one-sentence summary of the paper; may be null
 * @param keywords the page's own keywords, none blank
 */
public record LabeledPaper(String id, LocalDate date, String title, String abstractText, String summary,
    List<String> keywords) {

  public LabeledPaper {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(title, "title");
    keywords = List.copyOf(keywords);
  }

  /** The same paper as a page without a summary of its own gives it. */
  public LabeledPaper withoutSummary() {
    return new LabeledPaper(id, date, title, abstractText, null, keywords);
  }
}
