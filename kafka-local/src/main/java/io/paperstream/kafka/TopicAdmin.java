package io.paperstream.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Declares the topics an application needs: creates what is missing, never alters the rest. */
public final class TopicAdmin {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);
  private static final long FIRST_BACKOFF_MS = 20;
  private static final long MAX_BACKOFF_MS = 500;

  private TopicAdmin() {}

  /** {@link #ensureTopics(Admin, Collection, Duration)} with {@link #DEFAULT_TIMEOUT}. */
  public static Set<String> ensureTopics(Admin admin, Collection<NewTopic> topics) {
    return ensureTopics(admin, topics, DEFAULT_TIMEOUT);
  }

  /**
   * Creates the topics that do not exist yet and waits until every listed topic has a leader for
   * each partition. Existing topics are left as they are, even if their settings differ (a
   * warning is logged): changing partition counts silently would reshuffle keys.
   *
   * @return the names of the topics this call created (not those another client created
   *     concurrently)
   * @throws LocalKafkaException if the topics cannot be created or are not usable in time
   */
  public static Set<String> ensureTopics(Admin admin, Collection<NewTopic> topics,
      Duration timeout) {
    Map<String, NewTopic> wanted = new LinkedHashMap<>();
    topics.forEach(topic -> wanted.putIfAbsent(topic.name(), topic));
    if (wanted.isEmpty()) {
      return Set.of();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<String> existing = await(admin.listTopics(new ListTopicsOptions().listInternal(true)
        .timeoutMs(remainingMillis(deadline))).names(), deadline, "list topics");

    List<NewTopic> missing = wanted.values().stream()
        .filter(topic -> !existing.contains(topic.name()))
        .collect(Collectors.toList());
    Set<String> created = missing.isEmpty() ? Set.of() : create(admin, missing, deadline);

    Map<String, TopicDescription> descriptions =
        awaitUsable(admin, wanted.keySet(), deadline);
    wanted.values().stream()
        .filter(topic -> !created.contains(topic.name()))
        .forEach(topic -> warnIfDifferent(topic, descriptions.get(topic.name())));
    return created;
  }

  private static Set<String> create(Admin admin, List<NewTopic> missing, long deadline) {
    Map<String, KafkaFuture<Void>> results = admin.createTopics(missing,
        new CreateTopicsOptions().timeoutMs(remainingMillis(deadline))).values();
    Set<String> created = new TreeSet<>();
    results.forEach((name, result) -> {
      try {
        await(result, deadline, "create topic " + name);
        created.add(name);
      } catch (LocalKafkaException e) {
        // Another client won the race between our list and our create: same outcome.
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        log.debug("Topic {} was created concurrently by another client", name);
      }
    });
    if (!created.isEmpty()) {
      log.info("Created topics {}", created);
    }
    return created;
  }

  // A freshly created topic reaches the broker's metadata a moment after the controller commits
  // it. Describe it again, with a growing back-off scheduled (never slept), until every
  // partition has a leader or the deadline passes.
  private static Map<String, TopicDescription> awaitUsable(Admin admin, Set<String> names,
      long deadline) {
    CompletableFuture<Map<String, TopicDescription>> usable =
        describeUntilUsable(admin, names, deadline, FIRST_BACKOFF_MS);
    try {
      return usable.get(remainingMillis(deadline) + 1_000L, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalKafkaException("Interrupted while waiting for topics " + names, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof LocalKafkaException lke
          ? lke
          : new LocalKafkaException("Cannot describe topics " + names + ": " + e.getCause(),
              e.getCause());
    } catch (TimeoutException e) {
      usable.cancel(true);
      throw new LocalKafkaException("Topics " + names + " were not usable in time", e);
    }
  }

  private static CompletableFuture<Map<String, TopicDescription>> describeUntilUsable(
      Admin admin, Set<String> names, long deadline, long backoffMs) {
    return admin.describeTopics(names,
            new DescribeTopicsOptions().timeoutMs(remainingMillis(deadline)))
        .allTopicNames()
        .toCompletionStage()
        .toCompletableFuture()
        .handle((descriptions, error) -> {
          Optional<String> reason = notUsableReason(descriptions, error);
          if (reason.isEmpty()) {
            return awaitWritable(admin, descriptions, deadline, backoffMs);
          }
          log.debug("Topics {} not usable yet ({}), asking again in {} ms", names, reason.get(),
              backoffMs);
          return retryLater(admin, names, deadline, backoffMs, reason.get());
        })
        .thenCompose(Function.identity());
  }

  private static CompletableFuture<Map<String, TopicDescription>> retryLater(Admin admin,
      Set<String> names, long deadline, long backoffMs, String reason) {
    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs) > deadline) {
      return CompletableFuture.failedFuture(new LocalKafkaException("Topics " + names
          + " are not usable in time (" + reason + "); is the broker healthy?"));
    }
    Executor later = CompletableFuture.delayedExecutor(backoffMs, TimeUnit.MILLISECONDS);
    return CompletableFuture.supplyAsync(() -> names, later)
        .thenCompose(n -> describeUntilUsable(admin, n, deadline,
            Math.min(MAX_BACKOFF_MS, backoffMs * 2)));
  }

  // Empty when usable; a reason when worth retrying; throws when retrying cannot help.
  private static Optional<String> notUsableReason(Map<String, TopicDescription> descriptions,
      Throwable error) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause()
          : error;
      if (cause instanceof UnknownTopicOrPartitionException) {
        return Optional.of(cause.getMessage());
      }
      throw new CompletionException(cause);
    }
    List<String> leaderless = descriptions.values().stream()
        .flatMap(d -> d.partitions().stream()
            .filter(p -> p.leader() == null || p.leader().isEmpty())
            .map(p -> d.name() + "-" + p.partition()))
        .collect(Collectors.toList());
    return leaderless.isEmpty() ? Optional.empty() : Optional.of("no leader for " + leaderless);
  }

  // The controller names a leader before that broker has created the partition locally; a
  // producer that writes in between gets NOT_LEADER_OR_FOLLOWER and, with idempotence, can end
  // in endless OutOfOrderSequenceException retries (seen on the embedded broker). ListOffsets is
  // served only by a leader that hosts the partition, so its success means writes will land.
  private static CompletableFuture<Map<String, TopicDescription>> awaitWritable(Admin admin,
      Map<String, TopicDescription> descriptions, long deadline, long backoffMs) {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    descriptions.values().forEach(d -> d.partitions().forEach(p ->
        partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
    return admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(remainingMillis(deadline)))
        .all()
        .toCompletionStage()
        .toCompletableFuture()
        .handle((offsets, error) -> {
          if (error == null) {
            return CompletableFuture.completedFuture(descriptions);
          }
          Throwable cause = error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
          if (!(cause instanceof RetriableException)) {
            return CompletableFuture.<Map<String, TopicDescription>>failedFuture(cause);
          }
          log.debug("Topics {} not writable yet ({}), asking again in {} ms", descriptions.keySet(),
              cause.getMessage(), backoffMs);
          return retryLater(admin, descriptions.keySet(), deadline, backoffMs, "partitions not writable yet");
        })
        .thenCompose(Function.identity());
  }

  private static void warnIfDifferent(NewTopic wanted, TopicDescription actual) {
    List<TopicPartitionInfo> partitions = actual.partitions();
    if (wanted.numPartitions() > 0 && wanted.numPartitions() != partitions.size()) {
      log.warn("Topic {} exists with {} partitions, not the {} declared; leaving it as is",
          wanted.name(), partitions.size(), wanted.numPartitions());
    }
    int replicas = partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
    if (wanted.replicationFactor() > 0 && wanted.replicationFactor() != replicas) {
      log.warn("Topic {} exists with replication factor {}, not the {} declared; leaving it as is",
          wanted.name(), replicas, wanted.replicationFactor());
    }
  }

  private static <T> T await(KafkaFuture<T> future, long deadline, String what) {
    try {
      return future.get(remainingMillis(deadline) + 1_000L, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalKafkaException("Interrupted while trying to " + what, e);
    } catch (ExecutionException e) {
      throw new LocalKafkaException("Cannot " + what + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new LocalKafkaException("Timed out trying to " + what, e);
    }
  }

  private static int remainingMillis(long deadlineNanos) {
    long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    return (int) Math.max(1L, Math.min(Integer.MAX_VALUE, remaining));
  }
}
