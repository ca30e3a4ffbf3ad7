package io.paperstream.ingest.split;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single non-blank line of a text rendering can be. Titles and abstracts carry no markup in
 * a copied page, so they are told apart by shape: an abstract is prose (long, sentences, a final
 * full stop), a title is a short phrase.
 */
final class TextLines {

  private static final Pattern AUTHORS = Pattern.compile("[•·*-]?\\s*(\\d{1,5})\\s+authors?", Pattern.CASE_INSENSITIVE);
  private static final Pattern UPVOTES = Pattern.compile(
      "(?:[▲△↑]\\s*)?(\\d{1,7})(?:\\s+upvotes?)?|upvotes?:?\\s*(\\d{1,7})", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENTS = Pattern.compile("(\\d{1,7})\\s+comments?", Pattern.CASE_INSENSITIVE);
  /** {@code Submitted by akhaliq}: one user name, so that a title such as "Submitted by the Crowd" stays a title. */
  private static final Pattern SUBMITTER = Pattern.compile("submitted\\s+by\\s+@?[\\w.-]{1,40}", Pattern.CASE_INSENSITIVE);
  /** Words a card may print before its date: {@code Published on Jun 10, 2026}. */
  private static final Pattern DATE_PREFIX = Pattern.compile(
      "(?:published|submitted|featured)(?:\\s+in\\s+daily\\s+papers)?(?:\\s+on)?\\s+", Pattern.CASE_INSENSITIVE);
  private static final Set<String> SITE_CHROME = Set.of(
      "hugging face", "models", "datasets", "spaces", "buckets", "community", "docs", "enterprise", "pricing",
      "log in", "sign up", "posts", "papers", "collections", "system theme", "company", "tos", "privacy", "about",
      "jobs", "careers", "website", "blog", "learn", "forum", "discord", "github", "changelog", "status",
      "terms of service", "privacy policy", "inference providers", "solutions");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?][\"')\\]]?\\s+[A-Z(\"]");

  /** No title on the site comes near this; abstracts almost always exceed it. */
  private static final int TITLE_MAX = 250;
  private static final int PROSE_MIN = 300;
  private static final int ORGANIZATION_MAX = 120;

  private TextLines() {}

  /** {@code • 8 authors} gives 8. */
  static OptionalInt authorCount(String line) {
    return number(AUTHORS, line);
  }

  /** {@code 12}, {@code 12 upvotes}, {@code ▲ 12}, {@code Upvote 12} give 12. */
  static OptionalInt upvotes(String line) {
    return number(UPVOTES, line);
  }

  /** {@code 3 comments} gives 3. */
  static OptionalInt comments(String line) {
    return number(COMMENTS, line);
  }

  /** {@code Submitted by someone}: who put the paper on the site, chrome for the splitter. */
  static boolean isSubmitter(String line) {
    return line.length() <= TextLine.METADATA_MAX && SUBMITTER.matcher(line.strip()).matches();
  }

  /** The line without the words a card may print before its date ({@code Published on}). */
  static String withoutDatePrefix(String line) {
    if (line.length() > TextLine.METADATA_MAX) {
      return line;
    }
    Matcher m = DATE_PREFIX.matcher(line.strip());
    return m.lookingAt() ? line.strip().substring(m.end()) : line;
  }

  /** The number a metadata line of {@code pattern}'s shape gives; empty for any other line. */
  private static OptionalInt number(Pattern pattern, String line) {
    if (line.length() > TextLine.METADATA_MAX) {
      return OptionalInt.empty();
    }
    Matcher m = pattern.matcher(line.strip());
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    // the number is the pattern's one group that took part ("12 upvotes" or "upvotes: 12")
    for (int group = 1; group <= m.groupCount(); group++) {
      if (m.group(group) != null) {
        return OptionalInt.of(Integer.parseInt(m.group(group)));
      }
    }
    return OptionalInt.empty();
  }

  /**
   * A line of the site's navigation or footer, as a capture of the whole page has them: never an
   * entry. Only whole lines, compared without case.
   */
  static boolean isSiteChrome(String line) {
    return line.length() <= 40 && SITE_CHROME.contains(line.strip().toLowerCase(Locale.ROOT));
  }

  /** The lone middle dot between the author/organisation line and the date. */
  static boolean isSeparator(String line) {
    String s = line.strip();
    return s.equals("·") || s.equals("⋅") || s.equals("•");
  }

  static boolean isDate(String line) {
    return line.length() <= TextLine.METADATA_MAX && PrintedDate.parse(line).isPresent();
  }

  /** Anything that belongs to an entry's metadata block rather than to its title or abstract. */
  static boolean isMetadata(String line) {
    return isSeparator(line) || authorCount(line).isPresent() || isDate(line);
  }

  static boolean looksLikeProse(String line) {
    int length = line.length();
    int breaks = sentenceBreaks(line);
    return length >= PROSE_MIN || breaks >= 2 || (length >= 120 && (endsSentence(line) || breaks >= 1));
  }

  static boolean looksLikeTitle(String line) {
    return line.length() <= TITLE_MAX && !line.endsWith(".") && sentenceBreaks(line) == 0;
  }

  /** An organisation line ({@code acme Acme Labs}) is a short name, never prose. */
  static boolean couldBeOrganization(String line) {
    return line.length() <= ORGANIZATION_MAX && !looksLikeProse(line);
  }

  private static boolean endsSentence(String line) {
    return line.endsWith(".") || line.endsWith(".)") || line.endsWith(".\"");
  }

  private static int sentenceBreaks(String line) {
    Matcher m = SENTENCE_BREAK.matcher(line);
    int count = 0;
    while (count < 2 && m.find()) {
      count++;
    }
    return count;
  }
}
