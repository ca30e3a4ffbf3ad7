package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Which instance holds what (Kafka Streams' metadata, as kafka-streams-examples'
 * {@code MetadataService} reads it), and the way there: this instance's local stores, or
 * another instance's HTTP API through the {@link Forwarder}.
 */
final class InstanceRouter {

  private final Forwarder forwarder;
  private volatile KafkaStreams streams;
  private volatile HostInfo self;

  InstanceRouter(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  /** See {@link QueryService#attach}. */
  void attach(KafkaStreams streams, HostInfo self) {
    this.self = self;
    this.streams = streams;
  }

  /** The instance that owns the key's partition of the store, when it is not this one. */
  Optional<HostInfo> remoteOwner(String store, String key) {
    if (self == null) {
      return Optional.empty();
    }
    KeyQueryMetadata metadata;
    try {
      metadata = streams().queryMetadataForKey(store, key, Serdes.String().serializer());
    } catch (StreamsException e) {
      throw ApiError.unavailable("the processor is not ready: " + e.getMessage(), e);
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw ApiError.unavailable("no instance holds " + store + " right now (rebalancing)", null);
    }
    return metadata.activeHost().equals(self) ? Optional.empty() : Optional.of(metadata.activeHost());
  }

  /** Whether this instance holds a partition of the store (with more instances than partitions, it may not). */
  boolean holdsSomeOf(String store, boolean localOnly) {
    return localOnly || self == null || hostsOf(store).contains(self);
  }

  /** The other instances holding partitions of the store (none when asked locally). */
  List<HostInfo> othersHolding(String store, boolean localOnly) {
    if (localOnly || self == null) {
      return List.of();
    }
    return hostsOf(store).stream().filter(host -> !host.equals(self)).toList();
  }

  /** One answer forwarded to {@code host}. */
  JsonNode forward(HostInfo host, String pathAndQuery) {
    return forwarder.get(host, pathAndQuery);
  }

  /**
   * The same request asked of every host at once, so that gathering costs one round trip (at
   * most the forwarding timeout); the answers in host order.
   */
  List<JsonNode> gather(List<HostInfo> hosts, String pathAndQuery) {
    List<CompletableFuture<JsonNode>> asked = hosts.stream()
        .map(host -> CompletableFuture.supplyAsync(() -> forwarder.get(host, pathAndQuery)))
        .toList();
    List<JsonNode> answers = new ArrayList<>();
    for (CompletableFuture<JsonNode> answer : asked) {
      try {
        answers.add(answer.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof ApiError error ? error : e;
      }
    }
    return answers;
  }

  /** The instances of the application as Kafka Streams knows them, this one first. */
  List<String> instances() {
    List<String> all = new ArrayList<>();
    HostInfo me = self;
    if (me != null) {
      all.add(me.host() + ":" + me.port());
    }
    try {
      for (StreamsMetadata metadata : streams().metadataForAllStreamsClients()) {
        String host = metadata.hostInfo().host() + ":" + metadata.hostInfo().port();
        if (!all.contains(host)) {
          all.add(host);
        }
      }
    } catch (StreamsException | ApiError e) {
      // not started yet: only this instance is known
    }
    return all;
  }

  /** A local store; a query on it should run inside {@link #local}. */
  <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  /** A local store of its own type (every local partition of it as one); a query on it should run inside {@link #local}. */
  <T> T store(String name, QueryableStoreType<T> type) {
    return streams().store(StoreQueryParameters.fromNameAndType(name, type));
  }

  /**
   * A descending range over each local partition of a store apart, newest key first in each
   * (Kafka Streams' interactive queries v2); the caller closes every iterator.
   */
  <V> List<KeyValueIterator<String, V>> rangePerPartition(String store, String lower, String upper) {
    StateQueryResult<KeyValueIterator<String, V>> result;
    try {
      result = streams().query(StateQueryRequest.inStore(store)
          .withQuery(RangeQuery.<String, V>withRange(lower, upper).withDescendingKeys()).requireActive());
    } catch (StreamsException e) {
      throw ApiError.unavailable("state is not queryable right now: " + e.getMessage(), e);
    }
    List<KeyValueIterator<String, V>> ranges = new ArrayList<>();
    RuntimeException failed = null;
    for (QueryResult<KeyValueIterator<String, V>> partition : result.getPartitionResults().values()) {
      if (partition.isSuccess()) {
        ranges.add(partition.getResult());
      } else {
        failed = ApiError.unavailable("state is not queryable right now (rebalancing or restoring): "
            + partition.getFailureReason() + " " + partition.getFailureMessage(), null);
      }
    }
    if (failed != null) {
      ranges.forEach(KeyValueIterator::close);
      throw failed;
    }
    return ranges;
  }

  /** A query of local state; a store that moves (rebalance) or restores is a 503: retry later. */
  static <T> T local(Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidStateStoreException e) {
      throw ApiError.unavailable("state is not queryable right now (rebalancing or restoring): " + e.getMessage(), e);
    }
  }

  private List<HostInfo> hostsOf(String store) {
    try {
      return streams().streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo).distinct().toList();
    } catch (StreamsException e) {
      throw ApiError.unavailable("the processor is not ready: " + e.getMessage(), e);
    }
  }

  private KafkaStreams streams() {
    KafkaStreams current = streams;
    if (current == null) {
      throw ApiError.unavailable("the processor is starting", null);
    }
    return current;
  }
}
