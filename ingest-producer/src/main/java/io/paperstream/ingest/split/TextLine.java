package io.paperstream.ingest.split;

/**
 * One non-blank line of a text rendering, classified once: pages can hold hundreds of thousands
 * of lines, and each is looked at several times.
 *
 * @param text the line, stripped
 * @param kind what the line is
 * @param number the count of an {@link Kind#AUTHORS}, {@link Kind#UPVOTES} or {@link Kind#COMMENTS}
 *     line, else null
 * @param date the date of a {@link Kind#DATE} line, else null
 */
record TextLine(String text, Kind kind, Integer number, PrintedDate date) {

  /**
   * What a line of a card is besides its title and abstract. {@code UPVOTES}: {@code 12 upvotes},
   * or a line that is only a number (no title is a bare number), the upvote box when a capture puts
   * it on a line of its own; {@code SUBMITTER}: {@code Submitted by …}, chrome that no entry field
   * keeps.
   */
  enum Kind { AUTHORS, SEPARATOR, DATE, UPVOTES, COMMENTS, SUBMITTER, TEXT }

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
    var upvotes = TextLines.upvotes(text);
    if (upvotes.isPresent()) {
      return new TextLine(text, Kind.UPVOTES, upvotes.getAsInt(), null);
    }
    var comments = TextLines.comments(text);
    if (comments.isPresent()) {
      return new TextLine(text, Kind.COMMENTS, comments.getAsInt(), null);
    }
    if (TextLines.isSubmitter(text)) {
      return new TextLine(text, Kind.SUBMITTER, null, null);
    }
    PrintedDate date = PrintedDate.parse(TextLines.withoutDatePrefix(text)).orElse(null);
    if (date != null) {
      return new TextLine(text, Kind.DATE, null, date);
    }
    return new TextLine(text, Kind.TEXT, null, null);
  }

  boolean isMetadata() {
    return kind != Kind.TEXT;
  }

  /** Whether the line is only a number: an upvote box with no word beside it. */
  boolean isBareCount() {
    return kind == Kind.UPVOTES && text.chars().allMatch(Character::isDigit);
  }
}
