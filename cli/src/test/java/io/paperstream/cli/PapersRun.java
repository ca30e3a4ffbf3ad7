package io.paperstream.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One {@code papers} command run in-process exactly as a user runs it: its exit status, stdout and stderr. */
record PapersRun(int exit, String out, String err) {

  static PapersRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Papers.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new PapersRun(exit, out.toString(), err.toString());
  }
}
