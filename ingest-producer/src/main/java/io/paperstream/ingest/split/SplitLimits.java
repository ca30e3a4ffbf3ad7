package io.paperstream.ingest.split;

import io.paperstream.config.Settings;

/**
 * How much of a page and of one entry the splitter takes on, so that the work and memory one
 * hostile record can cost are bounded. Beyond a limit the page or entry becomes a located dead
 * letter; nothing is truncated silently.
 *
 * <p>The defaults are far above anything the site serves (titles stay under 300 characters,
 * abstracts under 3,000, author lists under 3,000 names, API pages under 2 MB).
 *
 * @param maxPageBytes a page larger than this is one dead letter naming its size ({@code split.max-page-bytes})
 * @param maxEntryChars an entry whose JSON (or text block) is longer is a dead letter ({@code split.max-entry-chars})
 * @param maxTitleChars {@code split.max-title-chars}
 * @param maxAbstractChars longest abstract, and longest AI summary ({@code split.max-abstract-chars})
 * @param maxAuthors most names in one entry's author list ({@code split.max-authors})
 * @param maxAuthorChars longest single author name ({@code split.max-author-chars})
 * @param maxFieldChars longest other text field: id, organisation, links, dates, one keyword ({@code split.max-field-chars})
 * @param maxDeadLettersPerPage dead letters kept per page; the rest are summed up in one more ({@code split.max-dead-letters-per-page})
 */
public record SplitLimits(long maxPageBytes, int maxEntryChars, int maxTitleChars, int maxAbstractChars,
    int maxAuthors, int maxAuthorChars, int maxFieldChars, int maxDeadLettersPerPage) {

  public static final String MAX_PAGE_BYTES = "split.max-page-bytes";
  public static final String MAX_ENTRY_CHARS = "split.max-entry-chars";
  public static final String MAX_TITLE_CHARS = "split.max-title-chars";
  public static final String MAX_ABSTRACT_CHARS = "split.max-abstract-chars";
  public static final String MAX_AUTHORS = "split.max-authors";
  public static final String MAX_AUTHOR_CHARS = "split.max-author-chars";
  public static final String MAX_FIELD_CHARS = "split.max-field-chars";
  public static final String MAX_DEAD_LETTERS_PER_PAGE = "split.max-dead-letters-per-page";

  public static final SplitLimits DEFAULTS =
      new SplitLimits(32L * 1024 * 1024, 256 * 1024, 1_000, 20_000, 5_000, 300, 2_000, 100);

  public SplitLimits {
    positive(MAX_PAGE_BYTES, maxPageBytes);
    positive(MAX_ENTRY_CHARS, maxEntryChars);
    positive(MAX_TITLE_CHARS, maxTitleChars);
    positive(MAX_ABSTRACT_CHARS, maxAbstractChars);
    positive(MAX_AUTHORS, maxAuthors);
    positive(MAX_AUTHOR_CHARS, maxAuthorChars);
    positive(MAX_FIELD_CHARS, maxFieldChars);
    positive(MAX_DEAD_LETTERS_PER_PAGE, maxDeadLettersPerPage);
  }

  /** The limits as configured ({@code split.*}), defaults for what is not. */
  public static SplitLimits from(Settings settings) {
    SplitLimits d = DEFAULTS;
    return new SplitLimits(
        settings.find(MAX_PAGE_BYTES).map(v -> parseLong(MAX_PAGE_BYTES, v)).orElse(d.maxPageBytes),
        settings.getInt(MAX_ENTRY_CHARS, d.maxEntryChars),
        settings.getInt(MAX_TITLE_CHARS, d.maxTitleChars),
        settings.getInt(MAX_ABSTRACT_CHARS, d.maxAbstractChars),
        settings.getInt(MAX_AUTHORS, d.maxAuthors),
        settings.getInt(MAX_AUTHOR_CHARS, d.maxAuthorChars),
        settings.getInt(MAX_FIELD_CHARS, d.maxFieldChars),
        settings.getInt(MAX_DEAD_LETTERS_PER_PAGE, d.maxDeadLettersPerPage));
  }

  public SplitLimits withMaxPageBytes(long bytes) {
    return new SplitLimits(bytes, maxEntryChars, maxTitleChars, maxAbstractChars, maxAuthors, maxAuthorChars,
        maxFieldChars, maxDeadLettersPerPage);
  }

  public SplitLimits withMaxDeadLettersPerPage(int count) {
    return new SplitLimits(maxPageBytes, maxEntryChars, maxTitleChars, maxAbstractChars, maxAuthors, maxAuthorChars,
        maxFieldChars, count);
  }

  private static long parseLong(String key, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be a whole number of bytes, not '" + value + "'", e);
    }
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("setting " + key + " must be positive, not " + value);
    }
  }
}
