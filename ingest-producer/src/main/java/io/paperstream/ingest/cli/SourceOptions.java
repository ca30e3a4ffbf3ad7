package io.paperstream.ingest.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import io.paperstream.ingest.source.PageSources;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The options every command that reads digest pages shares. */
public final class SourceOptions {

  @Parameters(arity = "1..*", paramLabel = "SOURCE",
      description = "A page file, a folder (read recursively: *.txt, *.json, *.html, *.htm) or an http(s) URL.")
  List<String> sources;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Date (YYYY-MM-DD) against which pages that print no year are resolved. "
          + "Default: the fetch time, or the file's modification time.")
  LocalDate asOf;

  @Option(names = "--dead-letters", paramLabel = "FILE",
      description = "Also write dead letters to FILE as JSON lines.")
  Path deadLettersFile;

  /**
   * Fails with a usage error (exit 2) naming the first SOURCE that cannot be read at all, so that
   * a mistyped path is reported before a broker or a processor is started.
   */
  public static void requireUsable(List<String> sources, CommandLine commandLine) {
    for (String source : sources) {
      PageSources.problem(source).ifPresent(problem -> {
        throw new ParameterException(commandLine, "SOURCE " + source + ": " + problem + "; nothing was started");
      });
    }
  }

  public List<String> sources() {
    return sources;
  }

  public LocalDate asOf() {
    return asOf;
  }

  public Path deadLettersFile() {
    return deadLettersFile;
  }
}
