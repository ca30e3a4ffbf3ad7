package io.paperstream.ingest.split;

/**
 * One non-blank line of a text rendering, classified once: pages can hold hundreds of thousands
 * of lines, and each is looked at several times.
 *
 * @param text the line, stripped
 * @param kind what the line is
 * @param number the count of an {@link Kind#AUTHORS} line, the number of a {@link Kind#COUNT} line,
 *     else null
 * @param date the date of a {@link Kind#DATE} line, else null
 */
record TextLine(String text, Kind kind, Integer number, PrintedDate date) {

  /**
   * {@code COUNT}: a line that is only a number, the upvote count when a capture puts it on a line
   * of its own (no title is a bare number).
   */
  enum Kind { AUTHORS, SEPARATOR, DATE, COUNT, TEXT }

  /** No metadata line comes near this; longer lines are title or abstract text without a pattern run on them. */
  static final int METADATA_MAX = 64;

  static TextLine of(String text) {
    if (text.length() > METADATA_MAX) {
      return new TextLine(text, Kind.TEXT, null, null);
    }
    if (TextLines.isSeparator(text)) {
      return new TextLine(text, Kind.SEPARATOR, null, null);
    }
    var authors = TextLines.authorCount(text);
    if (authors.isPresent()) {
      return new TextLine(text, Kind.AUTHORS, authors.getAsInt(), null);
    }
    var count = TextLines.count(text);
    if (count.isPresent()) {
      return new TextLine(text, Kind.COUNT, count.getAsInt(), null);
    }
    PrintedDate date = PrintedDate.parse(text).orElse(null);
    if (date != null) {
      return new TextLine(text, Kind.DATE, null, date);
    }
    return new TextLine(text, Kind.TEXT, null, null);
  }

  boolean isMetadata() {
    return kind != Kind.TEXT;
  }
}
