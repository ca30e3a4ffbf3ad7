package io.paperstream.processor.app;

import picocli.CommandLine;

/** {@code papers process} in a JVM of its own, for the test that kills it. */
public final class ProcessorMain {

  private ProcessorMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new ProcessCommand()).execute(args));
  }
}
