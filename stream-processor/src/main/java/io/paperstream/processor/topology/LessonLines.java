package io.paperstream.processor.topology;

/**
 * The line format of the vocabulary's lessons and deltas, written by {@link VocabularyLessons}
 * and read by {@link VocabularyCounter}. A lesson line is {@code c phrase} (the paper chose the
 * phrase) or {@code s phrase} (its text offered it as a candidate); {@code c } with no phrase
 * stands for the paper itself, which counts the papers. A delta line is a lesson line with
 * {@code +} (learned) or {@code -} (unlearned: the paper changed or went) before it.
 */
final class LessonLines {

  private static final int PHRASE_START = 3;

  private LessonLines() {}

  /** The lesson line of a phrase the paper chose; the phrase "" stands for the paper itself. */
  static String chosen(String phrase) {
    return "c " + phrase;
  }

  /** The lesson line of a phrase the paper's text offered. */
  static String seen(String phrase) {
    return "s " + phrase;
  }

  /** The delta line that adds {@code lessonLine}. */
  static String added(String lessonLine) {
    return "+" + lessonLine;
  }

  /** The delta line that takes {@code lessonLine} back. */
  static String removed(String lessonLine) {
    return "-" + lessonLine;
  }

  /** Whether {@code line} is long enough to be a delta line (empty lines between lessons are not). */
  static boolean isDelta(String line) {
    return line.length() >= PHRASE_START;
  }

  /** The phrase of a delta line ("" for the paper itself). */
  static String phraseOf(String delta) {
    return delta.substring(PHRASE_START);
  }

  /** Whether a delta line counts a choice (else a candidate seen). */
  static boolean isChosen(String delta) {
    return delta.charAt(1) == 'c';
  }

  /** +1 for a delta line that adds, -1 for one that takes back. */
  static long sign(String delta) {
    return delta.charAt(0) == '-' ? -1 : 1;
  }
}
