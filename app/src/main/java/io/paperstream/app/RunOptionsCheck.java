package io.paperstream.app;

import io.paperstream.config.Settings;
import io.paperstream.ingest.cli.SourceOptions;
import io.paperstream.ingest.feed.FeedSettings;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What {@code papers run} checks before it starts a broker, a processor or a server: every SOURCE
 * can be read, the HTTP port is a port, and (with no SOURCE) the feed's settings are valid. Each
 * failure is a usage error (exit 2) in one line naming the value and what is wrong.
 */
final class RunOptionsCheck {

  private RunOptionsCheck() {}

  static void require(List<String> sources, Settings settings, CommandLine commandLine) {
    SourceOptions.requireUsable(sources, commandLine);
    try {
      int port = settings.getInt(HttpApi.PORT_KEY, HttpApi.DEFAULT_PORT);
      if (port < 0 || port > 65_535) {
        throw new ParameterException(commandLine, "--http-port " + port + ": not a port (0 to 65535; 0: any free port)");
      }
      if (sources.isEmpty()) {
        FeedSettings.from(settings);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
  }
}
