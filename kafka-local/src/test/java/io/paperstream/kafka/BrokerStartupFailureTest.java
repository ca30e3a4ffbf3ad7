package io.paperstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerStartupFailureTest {

  @TempDir
  Path dataDir;

  @Test
  void namesTheAddressWhenABindFailsDeepInTheCauseChain() {
    // given a startup failure whose root cause is a lost bind
    RuntimeException failure = new IllegalStateException("Socket server failed",
        new RuntimeException("bind to 127.0.0.1:4321", new BindException("Address already in use")));

    // when
    LocalKafkaException explained = BrokerStartupFailure.explain(failure, "127.0.0.1:4321",
        dataDir, new BrokerDataDir(dataDir));

    // then
    assertThat(BrokerStartupFailure.isBindFailure(failure)).isTrue();
    assertThat(explained).hasMessage("Cannot listen on 127.0.0.1:4321: Socket server failed: "
        + "bind to 127.0.0.1:4321: Address already in use. Stop whatever uses the port or choose "
        + "another port.").hasCause(failure);
  }

  @Test
  void namesTheDataDirectoryAndSaysEachCauseOnce() {
    // given a failure whose wrapper repeats its cause's message
    RuntimeException root = new IllegalArgumentException("bad log dir");
    RuntimeException failure = new RuntimeException(root.toString(), root);

    // when
    LocalKafkaException explained = BrokerStartupFailure.explain(failure, "127.0.0.1:1",
        dataDir, new BrokerDataDir(dataDir));

    // then
    assertThat(BrokerStartupFailure.isBindFailure(failure)).isFalse();
    assertThat(explained.getMessage())
        .isEqualTo("Kafka broker in " + dataDir + " failed to start: " + root);
  }

  @Test
  void fallsBackToTheExceptionTypeWhenNothingHasAMessage() {
    // given / when / then
    assertThat(BrokerStartupFailure.causeMessages(new IllegalStateException()))
        .isEqualTo("java.lang.IllegalStateException");
  }
}
