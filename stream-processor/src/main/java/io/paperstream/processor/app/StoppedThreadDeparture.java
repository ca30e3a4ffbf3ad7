package io.paperstream.processor.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a stream thread that stopped for good out of the consumer group at once. A static member
 * (the default, see {@link ProcessorSettings}) that goes without leaving keeps its place until its
 * session times out (45 s), and the instance's other threads, in the middle of a rebalance, wait
 * for it before they can stop too. Kafka Streams leaves the group on a clean close only; on a
 * fatal error it does not, so the processor would report the error at once and exit 45 s later.
 *
 * <p>Kafka Streams names each thread's member {@code <group.instance.id>-<thread index>}, the
 * index its thread's name ends with.
 */
final class StoppedThreadDeparture {

  private static final Logger LOG = LoggerFactory.getLogger(StoppedThreadDeparture.class);
  private static final Pattern THREAD_INDEX = Pattern.compile("-StreamThread-(\\d+)$");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** Off the stream thread, which is in its exception handler; a daemon, so it never holds up the exit. */
  private static final Executor OWN_DAEMON = removal -> {
    Thread thread = new Thread(removal, "paperstream-leave-group");
    thread.setDaemon(true);
    thread.start();
  };

  private final Supplier<Admin> admins;
  private final String groupId;
  private final Optional<String> groupInstanceId;
  private final Executor removals;

  /**
   * @param groupInstanceId the main consumer's configured {@code group.instance.id}; empty for a
   *     dynamic member, which Kafka already drops when its consumer closes
   */
  StoppedThreadDeparture(Supplier<Admin> admins, String groupId, Optional<String> groupInstanceId) {
    this(admins, groupId, groupInstanceId, OWN_DAEMON);
  }

  /** As above, with the removals run on {@code removals} (tests: on the calling thread). */
  StoppedThreadDeparture(Supplier<Admin> admins, String groupId, Optional<String> groupInstanceId, Executor removals) {
    this.admins = admins;
    this.groupId = groupId;
    this.groupInstanceId = groupInstanceId;
    this.removals = removals;
  }

  /** The member the stream thread of this name joined as, if it is a static member. */
  Optional<String> memberOf(String threadName) {
    Matcher index = THREAD_INDEX.matcher(threadName);
    return groupInstanceId.filter(id -> index.find()).map(id -> id + "-" + index.group(1));
  }

  /** Removes the member of the stream thread of this name, if it is a static member. */
  void leave(String threadName) {
    memberOf(threadName).ifPresent(member -> removals.execute(() -> remove(member)));
  }

  private void remove(String member) {
    try (Admin admin = admins.get()) {
      admin.removeMembersFromConsumerGroup(groupId,
              new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove(member))))
          .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("stopped stream thread's member {} left group {}", member, groupId);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownMemberIdException) {
        LOG.info("stopped stream thread's member {} was no longer in group {}", member, groupId);
      } else {
        // nothing is lost: the others then wait out its session timeout, as without this class
        LOG.info("stopped stream thread's member {} could not leave group {}: {}", member, groupId, e.getCause().toString());
      }
    } catch (TimeoutException | RuntimeException e) {
      LOG.info("stopped stream thread's member {} could not leave group {}: {}", member, groupId, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
