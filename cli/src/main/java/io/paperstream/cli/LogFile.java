package io.paperstream.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The log file of a command that talks to Kafka: {@code <data-dir>/logs/paperstream.log},
 * rotated at 10 MB (five files kept). The console (logback.xml) shows paperstream's own lines
 * only; Kafka's broker and client lines, which are written for Kafka operators (including ERRORs
 * the clients recover from, such as the transactions-v2 OutOfOrderSequenceException after
 * CONCURRENT_TRANSACTIONS), go here: WARN and above, everything from INFO with {@code --verbose}.
 */
final class LogFile {

  static final String APPENDER_NAME = "FILE";
  private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n";

  private LogFile() {}

  /** Attaches the file to the root logger and names it on {@code err}; on failure Kafka's warnings go to the console. */
  static void start(Path file, boolean verbose, PrintWriter err) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(APPENDER_NAME);
    if (verbose) {
      root.setLevel(Level.INFO);
    }
    try {
      Files.createDirectories(file.getParent());
      root.addAppender(appender(context, file));
      err.println("papers: Kafka's own log lines go to " + file + (verbose ? " (INFO and above)" : " (WARN and above)"));
    } catch (IOException | RuntimeException e) {
      err.println("papers: cannot write the log file " + file + " (" + e.getMessage()
          + "); Kafka's warnings go to the console");
      ch.qos.logback.core.Appender<ILoggingEvent> console = context.getLogger("io.paperstream").getAppender("CONSOLE");
      if (console != null) {
        root.addAppender(console);
      }
    }
    err.flush();
  }

  private static RollingFileAppender<ILoggingEvent> appender(LoggerContext context, Path file) {
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER_NAME);
    appender.setFile(file.toString());

    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file.resolveSibling("paperstream.%i.log").toString());
    rolling.setMinIndex(1);
    rolling.setMaxIndex(5);
    rolling.start();

    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf("10MB"));
    trigger.start();

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();

    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder);
    appender.start();
    if (!appender.isStarted()) {
      throw new IllegalStateException("the appender did not start");
    }
    return appender;
  }
}
