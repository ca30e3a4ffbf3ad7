package io.paperstream.processor.topology;

/**
 * A keyphrase's counts as the vocabulary topic and stores hold them: {@code "<chosen> <seen>"},
 * papers whose own keywords contained the phrase and papers whose text offered it.
 */
record VocabularyCounts(long chosen, long seen) {

  static final VocabularyCounts NONE = new VocabularyCounts(0, 0);

  static VocabularyCounts parse(String value) {
    if (value == null || value.isEmpty()) {
      return NONE;
    }
    int space = value.indexOf(' ');
    return new VocabularyCounts(Long.parseLong(value.substring(0, space)), Long.parseLong(value.substring(space + 1)));
  }

  /**
   * Whether {@code value} is a count as {@link #encode} writes it: two non-negative whole numbers
   * with one space between. The vocabulary topic is an ordinary topic that another client could
   * write to; what is not a count never reaches a store the ranker reads.
   */
  static boolean isCount(String value) {
    int space = value.indexOf(' ');
    return space > 0 && isWholeNumber(value, 0, space) && isWholeNumber(value, space + 1, value.length());
  }

  private static boolean isWholeNumber(String text, int from, int to) {
    if (to - from < 1 || to - from > 18) { // 18 digits always fit a long
      return false;
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  VocabularyCounts plus(long chosenDelta, long seenDelta) {
    return new VocabularyCounts(chosen + chosenDelta, seen + seenDelta);
  }

  boolean isEmpty() {
    return chosen <= 0 && seen <= 0;
  }

  String encode() {
    return chosen + " " + seen;
  }
}
