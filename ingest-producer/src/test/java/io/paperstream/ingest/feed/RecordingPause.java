package io.paperstream.ingest.feed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Pause} that records each wait and moves the test clock on instead of waiting. */
final class RecordingPause implements Pause {

  private final MutableClock clock;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  RecordingPause(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public boolean sleep(Duration duration) {
    waits.add(duration);
    clock.advance(duration);
    return true;
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
