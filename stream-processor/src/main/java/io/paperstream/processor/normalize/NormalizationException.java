package io.paperstream.processor.normalize;

/**
 * A raw entry (or one of its fields) that cannot be interpreted. Checked on purpose: the caller
 * must decide what a bad entry becomes (in the topology, a dead letter with this message), so
 * the message always says what was wrong and quotes the offending text.
 */
public final class NormalizationException extends Exception {

  private static final long serialVersionUID = 1L;

  public NormalizationException(String message) {
    super(message);
  }

  public NormalizationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code text} in double quotes, shortened so that a message stays readable. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return '"' + shown + '"';
  }
}
