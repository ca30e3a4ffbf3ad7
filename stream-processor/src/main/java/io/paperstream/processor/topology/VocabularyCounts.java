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
