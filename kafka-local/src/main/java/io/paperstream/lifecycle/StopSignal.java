package io.paperstream.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A request to stop a long-running command: Ctrl-C (SIGINT), SIGTERM, or {@link #request()}.
 *
 * <p>The JVM's own reaction to those signals is to run the shutdown hooks and exit with status
 * 130 or 143, whatever the command was doing; a command that must stop cleanly (commit its last
 * transaction, leave its consumer group) and then exit 0 has to hear the signal itself. While
 * {@link #listen()}'s handlers are installed, the first signal only sets this request, which
 * the command's main thread waits on; a second one ends the process at once (status 130), for
 * the operator whose stop hangs. {@code sun.misc.Signal} is the JDK's supported way to do this
 * (module {@code jdk.unsupported}, exported for exactly such uses).
 */
public final class StopSignal {

  private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);
  private static final List<String> SIGNALS = List.of("INT", "TERM");
  private static final Duration POLL = Duration.ofMillis(200);

  private final CountDownLatch requested = new CountDownLatch(1);

  /** Asks the command to stop (tests, or a process that embeds the command). */
  public void request() {
    requested.countDown();
  }

  public boolean requested() {
    return requested.getCount() == 0;
  }

  /**
   * Blocks until a stop is requested or {@code done} is true (polled), and says which.
   *
   * @return true when stopped by the request
   */
  public boolean awaitStopOr(BooleanSupplier done) throws InterruptedException {
    while (!requested.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
      if (done.getAsBoolean()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Installs the handlers for SIGINT and SIGTERM until the returned handle is closed, which puts
   * the previous ones back. A platform without one of the signals keeps its default for it.
   */
  public Listening listen() {
    List<Runnable> restore = new ArrayList<>();
    for (String name : SIGNALS) {
      try {
        Signal signal = new Signal(name);
        SignalHandler previous = Signal.handle(signal, received -> {
          if (requested()) {
            Runtime.getRuntime().halt(130); // the second signal: the operator insists
          }
          LOG.info("SIG{} received: stopping (again to stop at once)", received.getName());
          request();
        });
        restore.add(() -> Signal.handle(signal, previous));
      } catch (IllegalArgumentException unsupported) {
        LOG.debug("signal {} cannot be handled here; the JVM's default applies", name, unsupported);
      }
    }
    return () -> restore.forEach(Runnable::run);
  }

  /** Installed signal handlers; closing puts the previous ones back. */
  @FunctionalInterface
  public interface Listening extends AutoCloseable {
    @Override
    void close();
  }
}
