package io.paperstream.ingest.split;

import io.paperstream.schemas.RawEntry;
import java.util.List;
import java.util.Optional;

/** Checks one entry's fields against the {@link SplitLimits}, the same for every page form. */
final class EntryLimits {

  /** Why an entry is beyond the limits, and a short excerpt of the offending field. */
  record Violation(String reason, String excerpt) {}

  private EntryLimits() {}

  static Optional<Violation> check(RawEntry entry, SplitLimits limits) {
    Optional<Violation> found = text("title", entry.getTitle(), limits.maxTitleChars(), SplitLimits.MAX_TITLE_CHARS);
    if (found.isEmpty()) {
      found = text("abstract", entry.getAbstract$(), limits.maxAbstractChars(), SplitLimits.MAX_ABSTRACT_CHARS);
    }
    if (found.isEmpty()) {
      // a summary of the abstract is held to the abstract's limit
      found = text("aiSummary", entry.getAiSummary(), limits.maxAbstractChars(), SplitLimits.MAX_ABSTRACT_CHARS);
    }
    if (found.isEmpty()) {
      found = list("author list", entry.getAuthors(), limits.maxAuthors(), limits.maxAuthorChars(),
          SplitLimits.MAX_AUTHORS, SplitLimits.MAX_AUTHOR_CHARS);
    }
    if (found.isEmpty()) {
      found = list("keyword list", entry.getSourceKeywords(), limits.maxAuthors(), limits.maxFieldChars(),
          SplitLimits.MAX_AUTHORS, SplitLimits.MAX_FIELD_CHARS);
    }
    String[][] others = {
        {"arXiv id", entry.getArxivId()}, {"organization", entry.getOrganization()},
        {"githubRepo", entry.getGithubRepo()}, {"projectPage", entry.getProjectPage()},
        {"date", entry.getDateText()}};
    for (int i = 0; i < others.length && found.isEmpty(); i++) {
      found = text(others[i][0], others[i][1], limits.maxFieldChars(), SplitLimits.MAX_FIELD_CHARS);
    }
    if (found.isEmpty()) {
      long total = size(entry);
      if (total > limits.maxEntryChars()) {
        found = Optional.of(new Violation(tooLong("entry", total, limits.maxEntryChars(), SplitLimits.MAX_ENTRY_CHARS),
            entry.getTitle()));
      }
    }
    return found;
  }

  /** {@code field is 1,048,576 characters, over the limit of 1,000 (split.max-title-chars)}. */
  static String tooLong(String field, long size, long limit, String key) {
    return String.format("%s is %,d characters, over the limit of %,d (%s)", field, size, limit, key);
  }

  static boolean containsReplacement(RawEntry entry) {
    return has(entry.getTitle()) || has(entry.getAbstract$()) || has(entry.getAiSummary())
        || has(entry.getOrganization())
        || (entry.getAuthors() != null && entry.getAuthors().stream().anyMatch(EntryLimits::has));
  }

  private static boolean has(String text) {
    return text != null && text.indexOf('\uFFFD') >= 0;
  }

  private static Optional<Violation> text(String field, String value, int limit, String key) {
    if (value == null || value.length() <= limit) {
      return Optional.empty();
    }
    return Optional.of(new Violation(tooLong(field, value.length(), limit, key), value));
  }

  private static Optional<Violation> list(String field, List<String> values, int maxItems, int maxChars,
      String itemsKey, String charsKey) {
    if (values == null) {
      return Optional.empty();
    }
    if (values.size() > maxItems) {
      return Optional.of(new Violation(String.format("%s has %,d names, over the limit of %,d (%s)", field,
          values.size(), maxItems, itemsKey), String.join(", ", values.subList(0, Math.min(5, values.size())))));
    }
    for (int i = 0; i < values.size(); i++) {
      Optional<Violation> item = text(field + " item " + i, values.get(i), maxChars, charsKey);
      if (item.isPresent()) {
        return item;
      }
    }
    return Optional.empty();
  }

  private static long size(RawEntry entry) {
    long total = length(entry.getTitle()) + length(entry.getAbstract$()) + length(entry.getAiSummary())
        + length(entry.getOrganization())
        + length(entry.getArxivId()) + length(entry.getGithubRepo()) + length(entry.getProjectPage());
    if (entry.getAuthors() != null) {
      for (String author : entry.getAuthors()) {
        total += author.length();
      }
    }
    if (entry.getSourceKeywords() != null) {
      for (String keyword : entry.getSourceKeywords()) {
        total += keyword.length();
      }
    }
    return total;
  }

  private static long length(String text) {
    return text == null ? 0 : text.length();
  }
}
