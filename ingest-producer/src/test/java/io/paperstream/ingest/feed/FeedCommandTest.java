package io.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage of {@code papers feed} and its progress line; runs without Kafka (usage errors stop first). */
class FeedCommandTest {

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new FeedCommand());
    command.setErr(new PrintWriter(err, true));
    command.setOut(new PrintWriter(new StringWriter(), true));
    return command.execute(args);
  }

  @Test
  void helpNamesEveryOption() {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new FeedCommand());
    command.setOut(new PrintWriter(out, true));

    assertThat(command.execute("--help")).isZero();
    assertThat(out.toString()).contains("--from", "--to", "--every", "--base-url", "--bootstrap-servers", "--config");
  }

  @Test
  void usageErrorsExitWithTwoBeforeAnythingStarts() {
    assertThat(run("--to", "2026-03-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--to needs --from");
    assertThat(run("--every", "often")).isEqualTo(2);
    assertThat(err.toString()).contains("not a duration: 'often'");
    assertThat(run("--from", "2026-03-05", "--to", "2026-03-01")).isEqualTo(2);
    assertThat(run("--from", "2026-03-01", "--every", "1h")).isEqualTo(2);
    assertThat(run("--from", "yesterday")).isEqualTo(2);
  }

  @Test
  void progressOnATerminalIsOneLineRedrawn() {
    // given a bar on a "terminal" whose clock moves 2 s per day
    StringWriter out = new StringWriter();
    Clock[] clock = {Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC)};
    ProgressBar bar = new ProgressBar(new PrintWriter(out, true), true, new Clock() {
      @Override
      public Instant instant() {
        return clock[0].instant();
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    });

    // when 1 of 4 days is done after 2 s, then all of them
    clock[0] = Clock.offset(clock[0], Duration.ofSeconds(2));
    bar.dayDone(1, 4, LocalDate.parse("2026-03-01"), PollResult.of("u1", PageOutcome.PRODUCED));
    bar.dayDone(2, 4, LocalDate.parse("2026-03-02"), PollResult.of("u2", PageOutcome.FAILED));
    bar.dayDone(3, 4, LocalDate.parse("2026-03-03"), PollResult.of("u3", PageOutcome.SKIPPED));
    bar.dayDone(4, 4, LocalDate.parse("2026-03-04"), PollResult.of("u4", PageOutcome.PRODUCED));

    // then each update redraws the line with \r, with an ETA, and the last ends it
    String text = out.toString();
    assertThat(text).startsWith("\r[#######.......................] 1/4 days  25%  2026-03-01  ETA 6s");
    assertThat(text).contains("(1 not read)");
    assertThat(text).endsWith("4/4 days 100%  2026-03-04  done in 2s  (1 not read)" + System.lineSeparator());
    assertThat(text.split("\r")).hasSize(5);
  }

  @Test
  void progressInALogIsPlainLinesNotCarriageReturns() {
    StringWriter out = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(out, true), false,
        Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC));

    for (int day = 1; day <= 3; day++) {
      bar.dayDone(day, 3, LocalDate.of(2026, 3, day), PollResult.of("u", PageOutcome.PRODUCED));
    }

    // the clock stood still: only the final line is written
    assertThat(out.toString()).doesNotContain("\r").hasLineCount(1).contains("3/3 days 100%");
  }
}
