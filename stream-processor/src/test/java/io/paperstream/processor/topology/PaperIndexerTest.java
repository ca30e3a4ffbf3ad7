package io.paperstream.processor.topology;

import static io.paperstream.processor.topology.PaperIndexFixtures.SEEN;
import static io.paperstream.processor.topology.PaperIndexFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.Paper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The paper index kept by {@link PaperIndexer} alone: the keys of the latest records, and no write a change does not need. */
class PaperIndexerTest {

  private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
  private final List<String> touches = new ArrayList<>();
  private KeyValueStore<String, String> index;
  private PaperIndexer indexer;

  @BeforeEach
  void start() {
    index = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PaperIndex.STORE), Serdes.String(), Serdes.String())
        .withLoggingDisabled().build();
    index.init(context.getStateStoreContext(), index);
    context.addStateStore(new WriteCounting(index, touches));
    PaperIndexFixtures.addVersionsAndPapers(context);
    indexer = new PaperIndexer();
    indexer.init(context);
    touches.clear();
  }

  @Test
  void aRepolledPaperWithTheSameKeysWritesNothing() {
    // given a paper indexed
    Paper first = paper("2603.00001", 12, LocalDate.parse("2026-03-19"), List.of("kelp forest", "sonar"));
    indexer.process(change(null, first));
    Map<String, String> indexed = contents();
    touches.clear();

    // when it is seen again on a later poll: more sightings, a later last-seen, nothing the keys are made of
    Paper again = Paper.newBuilder(first).setSightings(2).setLastSeen(SEEN.plusSeconds(3600)).build();
    indexer.process(change(first, again));

    // then the index is not read or written at all
    assertThat(touches).isEmpty();
    assertThat(contents()).isEqualTo(indexed);
  }

  @Test
  void aNewUpvoteCountMovesOnlyTheListingKey() {
    // given a paper indexed
    Paper first = paper("2603.00001", 12, LocalDate.parse("2026-03-19"), List.of("kelp forest", "sonar"));
    indexer.process(change(null, first));
    touches.clear();

    // when it is seen again with more upvotes
    indexer.process(change(first, Paper.newBuilder(first).setUpvotes(40).build()));

    // then the old listing key goes and the new one comes, and the index counts one more version
    assertThat(touches).hasSize(3);
    assertThat(touches.get(0)).startsWith("delete u" + PaperIndex.SEP);
    assertThat(touches.get(1)).startsWith("put u" + PaperIndex.SEP).contains(PaperIndex.listingOrderKey(
        Paper.newBuilder(first).setUpvotes(40).build()));
    assertThat(touches.get(2)).isEqualTo("put " + PaperIndex.VERSION);
  }

  @Test
  void afterAnyChangeTheIndexIsThatOfTheLatestRecordsAlone() {
    // given two papers indexed, then changed in every way a key is made of
    Paper one = paper("2603.00001", 12, LocalDate.parse("2026-03-19"), List.of("kelp forest", "sonar"));
    Paper two = paper("2603.00002", 3, LocalDate.parse("2026-03-19"), List.of("sonar"));
    Paper oneLater = Paper.newBuilder(one).setUpvotes(30).setPublishedDate(LocalDate.parse("2026-03-18"))
        .setKeywords(List.of("sonar", "glacier")).setAuthors(List.of("Ana Okafor", "Lin  Wei")).build();
    Paper twoLater = Paper.newBuilder(two).setFeaturedDate(LocalDate.parse("2026-03-21"))
        .setFirstSeen(SEEN.minusSeconds(60)).build();
    for (Paper paper : List.of(one, two)) {
      indexer.process(change(null, paper));
    }

    // when both change, and the first goes back to what it was
    indexer.process(change(one, oneLater));
    indexer.process(change(two, twoLater));
    indexer.process(change(oneLater, one));

    // then the index holds exactly what indexing the latest records from nothing gives
    Map<String, String> kept = contents();
    start();
    indexer.process(change(null, one));
    indexer.process(change(null, twoLater));
    kept.remove(PaperIndex.VERSION); // the count of changes that built it: 5 here, 2 there
    Map<String, String> fromNothing = contents();
    fromNothing.remove(PaperIndex.VERSION);
    assertThat(kept).isEqualTo(fromNothing).containsEntry(PaperIndex.frequencyKey("sonar"), "2");
  }

  private static Record<String, PaperChange> change(Paper before, Paper after) {
    String id = after == null ? before.getPaperId() : after.getPaperId();
    return new Record<>(id, new PaperChange(id, before, after, null), 0L);
  }

  private Map<String, String> contents() {
    return PaperIndexFixtures.contents(index);
  }

  /** The real in-memory store, noting each key the indexer reads, writes or deletes. */
  private static final class WriteCounting extends org.apache.kafka.streams.state.internals.WrappedStateStore<
      KeyValueStore<String, String>, String, String> implements KeyValueStore<String, String> {

    private final List<String> touches;

    WriteCounting(KeyValueStore<String, String> inner, List<String> touches) {
      super(inner);
      this.touches = touches;
    }

    @Override
    public void put(String key, String value) {
      touches.add("put " + key);
      wrapped().put(key, value);
    }

    @Override
    public String putIfAbsent(String key, String value) {
      touches.add("put " + key);
      return wrapped().putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<String, String>> entries) {
      entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public String delete(String key) {
      touches.add("delete " + key);
      return wrapped().delete(key);
    }

    @Override
    public String get(String key) {
      touches.add("get " + key);
      return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<String, String> range(String from, String to) {
      return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, String> all() {
      return wrapped().all();
    }

    @Override
    public long approximateNumEntries() {
      return wrapped().approximateNumEntries();
    }
  }
}
