package io.paperstream.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the console for people: INFO lines of the named loggers (set-up chatter such as "created
 * topics", the processor's state changes that the status line already shows) stay in the log
 * file only; their warnings still reach the console.
 */
public final class QuietInfoFilter extends Filter<ILoggingEvent> {

  private final List<String> quiet = new ArrayList<>();

  /** A logger (or a prefix of logger names) whose INFO lines are not for the console; from logback.xml. */
  public void addQuiet(String loggerName) {
    quiet.add(loggerName.strip());
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    for (String name : quiet) {
      if (event.getLoggerName().startsWith(name)) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
