package io.paperstream.cli;

import io.paperstream.app.RunCommand;
import io.paperstream.cli.keywords.EvalKeywordsCommand;
import io.paperstream.ingest.cli.IngestCommand;
import io.paperstream.ingest.cli.SplitCommand;
import io.paperstream.ingest.feed.FeedCommand;
import io.paperstream.kafka.BrokerCommand;
import io.paperstream.processor.app.ProcessCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;

/** The {@code papers} command: one entry point for every paperstream command. */
@Command(name = "papers", mixinStandardHelpOptions = true, version = "paperstream 0.1.0",
    description = "Follow research as it happens: digest pages in, Kafka streams out.",
    subcommands = {RunCommand.class, SplitCommand.class, IngestCommand.class, FeedCommand.class, ProcessCommand.class,
        ExportCommand.class, BrokerCommand.class, EvalKeywordsCommand.class, CommandLine.HelpCommand.class})
public final class Papers implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run commands through it exactly as a user would. */
  public static CommandLine commandLine() {
    return new CommandLine(new Papers())
        .setExecutionExceptionHandler(userFacingErrors())
        .setCaseInsensitiveEnumValuesAllowed(true);
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

  private static String describe(Throwable exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }
}
