package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoppedThreadDepartureTest {

  @Test
  void aStaticMemberIsNamedByItsThreadsIndex() {
    // given an instance whose main consumers are static members
    StoppedThreadDeparture departure = new StoppedThreadDeparture(() -> {
      throw new AssertionError("no admin client is needed to name a member");
    }, "app-a", Optional.of("host-1a2b3c"));

    // when its stream threads are named, then each is the member Kafka Streams made of it
    assertThat(departure.memberOf("app-a-5f0c7e2a-18d4-4c8e-9b1a-2d7f3e6a9c01-StreamThread-2")).hasValue("host-1a2b3c-2");
    assertThat(departure.memberOf("app-a-5f0c7e2a-18d4-4c8e-9b1a-2d7f3e6a9c01-StreamThread-13")).hasValue("host-1a2b3c-13");
    // and a thread that is not a stream thread has no member
    assertThat(departure.memberOf("app-a-5f0c7e2a-GlobalStreamThread")).isEmpty();
  }

  @Test
  void aDynamicMemberIsLeftToKafka() {
    // given an instance without group.instance.id: Kafka drops its members when their consumers close
    // (removals on the calling thread, so an admin client asked for fails the test here)
    StoppedThreadDeparture departure = new StoppedThreadDeparture(() -> {
      throw new AssertionError("a dynamic member is never removed");
    }, "app-a", Optional.empty(), Runnable::run);

    // when a stream thread stops, then there is no member to remove, and no admin client is made
    assertThat(departure.memberOf("app-a-5f0c7e2a-StreamThread-1")).isEmpty();
    departure.leave("app-a-5f0c7e2a-StreamThread-1");
  }
}
