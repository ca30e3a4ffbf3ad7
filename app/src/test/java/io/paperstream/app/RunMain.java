package io.paperstream.app;

import picocli.CommandLine;

/** {@code papers run} in a JVM of its own, for the test that sends it SIGTERM. */
public final class RunMain {

  private RunMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new RunCommand()).execute(args));
  }
}
