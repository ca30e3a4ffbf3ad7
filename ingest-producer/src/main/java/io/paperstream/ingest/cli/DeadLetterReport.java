package io.paperstream.ingest.cli;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RecordJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a person about dead letters: one readable, located line each on stderr, and optionally
 * JSON lines in a file for tools.
 */
final class DeadLetterReport implements AutoCloseable {

  private final PrintWriter err;
  private final BufferedWriter file;
  private final RecordJson json = new RecordJson();

  DeadLetterReport(PrintWriter err, Path jsonLinesFile) {
    this.err = err;
    try {
      this.file = jsonLinesFile == null ? null : Files.newBufferedWriter(jsonLinesFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dead letters to " + jsonLinesFile + ": " + e.getMessage(), e);
    }
  }

  void report(DeadLetter deadLetter) {
    err.println(describe(deadLetter));
    if (file != null) {
      try {
        file.write(json.toLine(deadLetter));
        file.newLine();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write dead letters file: " + e.getMessage(), e);
      }
    }
  }

  /** {@code dead letter: <source> position 3: <reason>} — what, where, why, on one line. */
  static String describe(DeadLetter deadLetter) {
    String where = deadLetter.getPosition() == null
        ? deadLetter.getSource()
        : deadLetter.getSource() + " position " + deadLetter.getPosition();
    return "dead letter (" + deadLetter.getStage() + "): " + where + ": " + deadLetter.getReason();
  }

  @Override
  public void close() {
    err.flush();
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write dead letters file: " + e.getMessage(), e);
      }
    }
  }
}
