package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class ClearLineConverterTest {

  private final LoggingEvent event = new LoggingEvent("t", new LoggerContext().getLogger("io.paperstream.t"),
      Level.INFO, "search index rebuilt", null, null);

  @Test
  void onATerminalALogLineFirstClearsTheLineAProgressBarIsDrawnOn() {
    // given a progress bar drawn on a terminal: "\ringest [####    ] 3/8 pages" with no newline
    // when a log line is converted
    String prefix = new ClearLineConverter(true).convert(event);

    // then it returns to the start of the line and erases the bar before the log line is written
    assertThat(prefix).isEqualTo("\r\u001b[K");
    assertThat(visibleLine("\ringest [####    ] 3/8 pages" + prefix + "05:00:00 INFO  search index rebuilt"))
        .isEqualTo("05:00:00 INFO  search index rebuilt");
  }

  @Test
  void elsewhereNothingIsAdded() {
    // given output that is not a terminal (a file, a CI log): no bar is drawn there
    // when a log line is converted, then nothing is added
    assertThat(new ClearLineConverter(false).convert(event)).isEmpty();
  }

  /** What a terminal shows of one line written with carriage returns and "erase to end of line". */
  private static String visibleLine(String written) {
    StringBuilder line = new StringBuilder();
    int cursor = 0;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c == '\r') {
        cursor = 0;
      } else if (written.startsWith("\u001b[K", i)) {
        line.setLength(cursor);
        i += 2;
      } else {
        if (cursor < line.length()) {
          line.setCharAt(cursor, c);
        } else {
          line.append(c);
        }
        cursor++;
      }
    }
    return line.toString();
  }
}
