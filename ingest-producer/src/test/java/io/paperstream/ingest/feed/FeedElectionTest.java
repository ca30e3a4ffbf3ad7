package io.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exactly one of several instances polls the feed, elected through a Kafka consumer group. */
class FeedElectionTest {

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void oneOfTwoLeadsAndTheOtherTakesOverWhenItLeaves() {
    // given two instances in the same election
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Settings settings = Settings.defaults()
        .with(KafkaCluster.BOOTSTRAP_KEY, KAFKA.bootstrapServers())
        .with(FeedElection.TOPIC_KEY, "election-" + suffix)
        .with(FeedElection.GROUP_KEY, "election-group-" + suffix)
        .with(FeedElection.FAILOVER_KEY, "6s");
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    try (KafkaCluster cluster = KafkaCluster.connect(settings)) {
      FeedElection one = FeedElection.start(cluster, settings, first);
      FeedElection two = FeedElection.start(cluster, settings, second);
      try {
        // when the group has settled, then exactly one leads
        await().atMost(Duration.ofSeconds(30)).until(() -> one.leading() || two.leading());
        FeedElection leader = one.leading() ? one : two;
        FeedElection follower = leader == one ? two : one;
        Recorder leaderEvents = leader == one ? first : second;
        Recorder followerEvents = leader == one ? second : first;
        assertThat(follower.leading()).isFalse();
        assertThat(followerEvents.elected).hasValue(0);

        // when the leader leaves
        leader.close();

        // then it stepped down and the other leads in its place
        assertThat(leaderEvents.deposed).hasValue(1);
        await().atMost(Duration.ofSeconds(30)).until(follower::leading);
        assertThat(followerEvents.elected).hasValue(1);
        assertThat(leader.leading()).isFalse();
      } finally {
        for (FeedElection election : List.of(one, two)) {
          election.close();
        }
      }
    }
  }

  private static final class Recorder implements FeedElection.Listener {
    final AtomicInteger elected = new AtomicInteger();
    final AtomicInteger deposed = new AtomicInteger();

    @Override
    public void elected() {
      elected.incrementAndGet();
    }

    @Override
    public void deposed() {
      deposed.incrementAndGet();
    }
  }
}
