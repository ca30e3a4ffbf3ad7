package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Where a thread that ended by an exception is reported: never as a stack trace on the console. */
class ThreadEndedTest {

  private final ListAppender<ILoggingEvent> paperstream = new ListAppender<>();
  private final ListAppender<ILoggingEvent> kafka = new ListAppender<>();

  @BeforeEach
  void listen() {
    attach(Papers.class.getName(), paperstream);
    attach("org.apache.kafka.streams.ThreadEnded", kafka);
  }

  @AfterEach
  void stopListening() {
    ((Logger) LoggerFactory.getLogger(Papers.class.getName())).detachAppender(paperstream);
    ((Logger) LoggerFactory.getLogger("org.apache.kafka.streams.ThreadEnded")).detachAppender(kafka);
  }

  @Test
  void aThreadOfOursEndsAsOneLoggedLineWithItsTrace() {
    // given a thread of paperstream's own that fails
    IllegalStateException failure = new IllegalStateException("the feed's clock went backwards");

    // when it ends
    Papers.threadEnded(new Thread(() -> { }, "paperstream-feed"), failure);

    // then paperstream's logger has it (console: one line; log file: the trace), Kafka's nothing
    assertThat(paperstream.list).singleElement().satisfies(event -> {
      assertThat(event.getFormattedMessage()).isEqualTo("thread paperstream-feed ended");
      assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the feed's clock went backwards");
    });
    assertThat(kafka.list).isEmpty();
  }

  @Test
  void aStreamThreadKafkaStreamsRethrowsGoesToTheLogFileOnly() {
    // given a stream thread whose failure the processor's handler has already reported
    RuntimeException failure = new RuntimeException("already said by StreamThreadFailures");

    // when Kafka Streams lets it end the thread
    Papers.threadEnded(new Thread(() -> { }, "paperstream-processor-1a2b-StreamThread-2"), failure);

    // then it is logged outside paperstream's console loggers
    assertThat(kafka.list).singleElement()
        .satisfies(event -> assertThat(event.getFormattedMessage()).contains("StreamThread-2 ended"));
    assertThat(paperstream.list).isEmpty();
  }

  private static void attach(String name, ListAppender<ILoggingEvent> appender) {
    appender.start();
    ((Logger) LoggerFactory.getLogger(name)).addAppender(appender);
  }
}
