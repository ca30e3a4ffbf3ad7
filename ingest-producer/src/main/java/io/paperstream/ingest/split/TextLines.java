package io.paperstream.ingest.split;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single non-blank line of a text rendering can be. Titles and abstracts carry no markup in
 * a copied page, so they are told apart by shape: an abstract is prose (long, sentences, a final
 * full stop), a title is a short phrase.
 */
final class TextLines {

  private static final Pattern AUTHORS = Pattern.compile("[•·*-]?\\s*(\\d{1,5})\\s+authors?", Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNT = Pattern.compile("\\d{1,7}");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?][\"')\\]]?\\s+[A-Z(\"]");

  /** No title on the site comes near this; abstracts almost always exceed it. */
  private static final int TITLE_MAX = 250;
  private static final int PROSE_MIN = 300;
  private static final int ORGANIZATION_MAX = 120;

  private TextLines() {}

  /** {@code • 8 authors} gives 8. */
  static OptionalInt authorCount(String line) {
    if (line.length() > TextLine.METADATA_MAX) {
      return OptionalInt.empty();
    }
    Matcher m = AUTHORS.matcher(line.strip());
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** A line that is only a number ({@code 12}): an upvote count on a line of its own. */
  static OptionalInt count(String line) {
    String s = line.strip();
    return s.length() <= 7 && COUNT.matcher(s).matches() ? OptionalInt.of(Integer.parseInt(s)) : OptionalInt.empty();
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
