package io.paperstream.processor.normalize;

import io.paperstream.schemas.RawEntry;
import java.util.List;

/**
 * The largest raw entry fields the normalizer reads, checked before any text work.
 *
 * <p>The splitter caps fields too; these limits are the processor's own defence, because any
 * producer may write to the raw-entries topic. They are generous (about ten times the longest
 * real value: the longest arXiv abstract is under 2,000 characters, the longest author list
 * a few thousand names), so a real paper never meets them, while the work per record stays
 * bounded: every pattern the normalizer and the keyword extractor run is linear, but linear
 * in a megabyte is still more than a record deserves. Stateless and thread-safe.
 */
public final class FieldLimits {

  /** Characters of a title. */
  public static final int TITLE = 2_000;
  /** Characters of an abstract, and of the page's AI summary of it. */
  public static final int ABSTRACT = 50_000;
  /** Names in an author list. */
  public static final int AUTHORS = 20_000;
  /** Characters of one author name, an organization, a printed date, an arXiv id or a keyword. */
  public static final int SHORT_TEXT = 500;
  /** Characters of a link (repository, project page) or a source URL. */
  public static final int LINK = 4_096;
  /** Keywords the page gave. */
  public static final int SOURCE_KEYWORDS = 500;
  /**
   * Characters of all text fields together: the paper record made of them must stay well under
   * the 1 MiB a Kafka record may have by default, even at three UTF-8 bytes a character.
   */
  public static final int ENTRY = 250_000;

  /**
   * Checks every text field of {@code entry} against its limit.
   *
   * @throws NormalizationException naming the first field over its limit, its size and the limit
   */
  public void check(RawEntry entry) throws NormalizationException {
    text("source", entry.getSource(), LINK);
    text("title", entry.getTitle(), TITLE);
    text("abstract", entry.getAbstract$(), ABSTRACT);
    text("aiSummary", entry.getAiSummary(), ABSTRACT);
    list("authors", entry.getAuthors(), AUTHORS, SHORT_TEXT);
    text("organization", entry.getOrganization(), SHORT_TEXT);
    text("dateText", entry.getDateText(), SHORT_TEXT);
    text("arxivId", entry.getArxivId(), SHORT_TEXT);
    text("githubRepo", entry.getGithubRepo(), LINK);
    text("projectPage", entry.getProjectPage(), LINK);
    list("sourceKeywords", entry.getSourceKeywords(), SOURCE_KEYWORDS, SHORT_TEXT);
    long total = length(entry.getSource()) + length(entry.getTitle()) + length(entry.getAbstract$())
        + length(entry.getAiSummary()) + length(entry.getAuthors()) + length(entry.getOrganization())
        + length(entry.getDateText()) + length(entry.getArxivId()) + length(entry.getGithubRepo())
        + length(entry.getProjectPage()) + length(entry.getSourceKeywords());
    if (total > ENTRY) {
      throw new NormalizationException("entry has " + total + " characters of text, over the limit of " + ENTRY);
    }
  }

  private static long length(CharSequence value) {
    return value == null ? 0 : value.length();
  }

  private static long length(List<? extends CharSequence> values) {
    return values == null ? 0 : values.stream().mapToLong(FieldLimits::length).sum();
  }

  private static void text(String field, CharSequence value, int limit) throws NormalizationException {
    if (value != null && value.length() > limit) {
      throw new NormalizationException(field + " is " + value.length() + " characters long, over the limit of "
          + limit);
    }
  }

  private static void list(String field, List<? extends CharSequence> values, int limit, int itemLimit)
      throws NormalizationException {
    if (values == null) {
      return;
    }
    if (values.size() > limit) {
      throw new NormalizationException(field + " has " + values.size() + " items, over the limit of " + limit);
    }
    for (int i = 0; i < values.size(); i++) {
      text(field + "[" + i + "]", values.get(i), itemLimit);
    }
  }
}
