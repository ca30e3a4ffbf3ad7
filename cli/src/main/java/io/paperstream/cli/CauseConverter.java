package io.paperstream.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %cause} in the console pattern: the innermost cause of a logged exception as one
 * readable clause ({@code  (ConnectException: Connection refused)}), instead of a stack trace;
 * the trace itself is in the log file.
 */
public final class CauseConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    IThrowableProxy cause = event.getThrowableProxy();
    if (cause == null) {
      return "";
    }
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String name = cause.getClassName().substring(cause.getClassName().lastIndexOf('.') + 1);
    return " (" + name + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + "; details in the log file)";
  }
}
