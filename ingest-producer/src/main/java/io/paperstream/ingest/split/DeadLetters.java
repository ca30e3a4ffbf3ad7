package io.paperstream.ingest.split;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.SourceKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds split-stage dead letters with a bounded, readable excerpt of the offending input. */
final class DeadLetters {

  static final String STAGE = "split";

  /** Long enough to recognise the input, short enough to read in a log line or a console. */
  static final int MAX_EXCERPT = 200;

  private DeadLetters() {}

  static DeadLetter of(String source, SourceKind kind, Integer position, String reason, String excerpt,
      Instant occurredAt) {
    return DeadLetter.newBuilder()
        .setSource(source)
        .setSourceKind(kind == null ? null : kind.name())
        .setPosition(position)
        .setReason(reason)
        .setExcerpt(excerpt(excerpt))
        .setStage(STAGE)
        .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
        .build();
  }

  /**
   * The input shortened to {@link #MAX_EXCERPT} characters, control characters shown as spaces so
   * that an excerpt of binary garbage cannot corrupt the terminal it is printed on.
   */
  static String excerpt(String input) {
    if (input == null) {
      return null;
    }
    String cut = input;
    if (input.length() > MAX_EXCERPT) {
      int end = MAX_EXCERPT - 1;
      if (Character.isHighSurrogate(input.charAt(end - 1))) {
        end--; // never split a character in two
      }
      cut = input.substring(0, end) + "…";
    }
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    String shortened = out.toString().strip();
    return shortened.isEmpty() ? null : shortened;
  }
}
