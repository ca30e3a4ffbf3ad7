package io.paperstream.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %clearline} at the start of the console pattern: on a terminal, a carriage return and
 * "erase to end of line" ({@code ESC [K}), so a log line written while a progress bar is drawn
 * (the ingest's, a backfill's: one line redrawn with {@code \r}) replaces the bar instead of
 * being glued to its end; the bar is drawn again at its next update. Elsewhere (a file, a CI log,
 * a pipe) nothing: no bar is drawn there.
 */
public final class ClearLineConverter extends ClassicConverter {

  static final String CLEAR_LINE = "\r\u001b[K";

  private final boolean terminal;

  public ClearLineConverter() {
    this(System.console() != null);
  }

  ClearLineConverter(boolean terminal) {
    this.terminal = terminal;
  }

  @Override
  public String convert(ILoggingEvent event) {
    return terminal ? CLEAR_LINE : "";
  }
}
