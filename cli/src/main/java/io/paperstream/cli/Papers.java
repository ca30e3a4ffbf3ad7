package io.paperstream.cli;

import io.paperstream.app.RunCommand;
import io.paperstream.cli.keywords.EvalKeywordsCommand;
import io.paperstream.config.ClusterOptions;
import io.paperstream.config.DataDir;
import io.paperstream.config.Settings;
import io.paperstream.cli.keywords.TrainKeywordsCommand;
import io.paperstream.ingest.cli.IngestCommand;
import io.paperstream.ingest.cli.SplitCommand;
import io.paperstream.ingest.feed.FeedCommand;
import io.paperstream.kafka.BrokerCommand;
import io.paperstream.processor.app.ProcessCommand;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** The {@code papers} command: one entry point for every paperstream command. */
@Command(name = "papers", mixinStandardHelpOptions = true, version = "paperstream 0.1.0",
    description = "Follow research as it happens: digest pages in, Kafka streams out.",
    subcommands = {RunCommand.class, SplitCommand.class, IngestCommand.class, FeedCommand.class, ProcessCommand.class,
        ExportCommand.class, SchemasCommand.class, BrokerCommand.class, EvalKeywordsCommand.class,
        TrainKeywordsCommand.class, CommandLine.HelpCommand.class})
public final class Papers implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Thread.setDefaultUncaughtExceptionHandler(Papers::threadEnded);
    CommandLine commandLine = commandLine();
    // only the real process writes a log file: tests run commands in-process with their own logging
    commandLine.setExecutionStrategy(parseResult -> {
      startLogFile(parseResult, commandLine.getErr());
      return new CommandLine.RunLast().execute(parseResult);
    });
    System.exit(commandLine.execute(args));
  }

  /** The configured command line; tests run commands through it exactly as a user would. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Papers())
        .setExecutionExceptionHandler(userFacingErrors())
        .setParameterExceptionHandler(oneLineUsageErrors())
        .setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.registerConverter(LocalDate.class, Papers::date);
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * A failure a user can act on is shown as one line, not a stack trace; the trace is still
   * available with PAPERSTREAM_DEBUG=1 for the engineer who needs it.
   */
  private static IExecutionExceptionHandler userFacingErrors() {
    return (exception, commandLine, parseResult) -> {
      commandLine.getErr().println("papers " + commandLine.getCommandName() + ": " + describe(exception));
      if ("1".equals(System.getenv("PAPERSTREAM_DEBUG"))) {
        exception.printStackTrace(commandLine.getErr());
      }
      commandLine.getErr().flush();
      return 1;
    };
  }

  /** A usage error is one line naming the option or value and what is wrong with it; exit 2. */
  private static IParameterExceptionHandler oneLineUsageErrors() {
    return (exception, args) -> {
      CommandLine commandLine = exception.getCommandLine();
      String name = commandLine.getCommandSpec().qualifiedName();
      commandLine.getErr().println(name + ": " + exception.getMessage() + " (" + name + " --help shows the usage)");
      commandLine.getErr().flush();
      return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    };
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a date YYYY-MM-DD");
    }
  }

  // Commands that talk to Kafka log Kafka's own lines to <data-dir>/logs/paperstream.log, named at start.
  private static void startLogFile(ParseResult parseResult, PrintWriter err) {
    ParseResult command = parseResult;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    if (command.isUsageHelpRequested() || command.isVersionHelpRequested()) {
      return;
    }
    Optional<ClusterOptions> options = command.commandSpec().mixins().values().stream()
        .map(CommandSpec::userObject).filter(ClusterOptions.class::isInstance).map(ClusterOptions.class::cast)
        .findFirst();
    boolean broker = command.commandSpec().userObject() instanceof BrokerCommand;
    if (options.isEmpty() && !broker) {
      return; // split: offline, no Kafka
    }
    try {
      Settings settings = options.map(ClusterOptions::settings).orElseGet(() -> Settings.load(null));
      LogFile.start(DataDir.logFile(settings), options.map(ClusterOptions::verbose).orElse(false), err);
    } catch (RuntimeException e) {
      // an unreadable --config file: the command itself reports it, in one line
    }
  }

  /**
   * A thread ended by an exception: its trace to the log file, not to the console (the JVM's own
   * handler prints it there). Kafka Streams rethrows a stream thread's failure after its handler
   * ({@code StreamThreadFailures}) has said it on the console, so those go to the file only.
   */
  static void threadEnded(Thread thread, Throwable failure) {
    String logger = thread.getName().contains("-StreamThread-") ? "org.apache.kafka.streams.ThreadEnded"
        : Papers.class.getName();
    LoggerFactory.getLogger(logger).error("thread {} ended", thread.getName(), failure);
  }

  private static String describe(Throwable exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }
}
