package io.paperstream.ingest.feed;

import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuous daily feed, run only while this instance is the elected poller
 * ({@link FeedElection}): started when elected, stopped when deposed, started afresh (its fetch
 * log restored, so it resumes where the previous poller stopped) when elected again.
 */
public final class ElectedFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ElectedFeed.class);

  private final Settings settings;
  private final KafkaCluster cluster;
  private final Consumer<DailyFeed> onStart;
  private final Object lock = new Object();
  private DailyFeed current;
  private FeedElection election;

  private ElectedFeed(Settings settings, KafkaCluster cluster, Consumer<DailyFeed> onStart) {
    this.settings = settings;
    this.cluster = cluster;
    this.onStart = onStart;
  }

  /**
   * Joins the election; {@code onStart} is given each feed this instance starts (e.g. to bind its
   * metrics) before it polls.
   */
  public static ElectedFeed start(Settings settings, KafkaCluster cluster, Consumer<DailyFeed> onStart) {
    ElectedFeed feed = new ElectedFeed(settings, cluster, onStart);
    feed.election = FeedElection.start(cluster, settings, new FeedElection.Listener() {
      @Override
      public void elected() {
        feed.startFeed();
      }

      @Override
      public void deposed() {
        feed.stopFeed();
      }
    });
    return feed;
  }

  /** Whether this instance polls the feed now. */
  public boolean polling() {
    synchronized (lock) {
      return current != null;
    }
  }

  // On the election thread, before it takes part in the next rebalance: so a new poller starts
  // only after this one has stopped.
  private void startFeed() {
    synchronized (lock) {
      if (current != null) {
        return;
      }
      try {
        current = DailyFeed.connect(settings, cluster);
      } catch (RuntimeException e) {
        LOG.error("Elected to poll the feed but cannot start it: {}", e.getMessage());
        return;
      }
      onStart.accept(current);
      Thread polling = new Thread(current::runContinuously, "paperstream-feed");
      polling.setDaemon(true);
      polling.start();
    }
  }

  private void stopFeed() {
    synchronized (lock) {
      if (current != null) {
        // waits for the page in flight, then flushes the producer
        current.close();
        current = null;
      }
    }
  }

  /** Steps down (stopping the feed if it runs here) and leaves the election. */
  @Override
  public void close() {
    election.close();
    stopFeed();
  }
}
