package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

  private static final String TITLE = "Sparse Lattice Transformers for Tidal Forecasting";
  private static final String TITLE_KEY = PaperKeys.TITLE_PREFIX + PaperKeys.titleFingerprint(TITLE);
  private static final String RAW = "raw";
  private static final String SIGHTINGS = "sightings";

  private final MockProcessorContext<String, Routed> context = new MockProcessorContext<>();
  private final IdentityResolver resolver = new IdentityResolver("ids", SIGHTINGS);
  private KeyValueStore<String, String> ids;

  @BeforeEach
  void init() {
    ids = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("ids"), Serdes.String(), Serdes.String())
        .withLoggingDisabled().build();
    ids.init(context.getStateStoreContext(), ids);
    context.addStateStore(ids);
    resolver.init(context);
  }

  @Test
  void anEntryKeyedAsItsIdIsDedupedInThisTask() {
    // when an API entry arrives keyed by its arXiv id
    process(RAW, "2601.00001", sighting("2601.00001"));

    // then it stays here, under its id
    assertThat(forwarded()).containsExactly(routed("2601.00001", "2601.00001", true));
  }

  @Test
  void anEntryKeyedOtherwiseGoesToItsIdElsewhere() {
    // when an entry's raw key is not the id the normalizer read
    process(RAW, "arXiv:2601.00001", sighting("2601.00001"));

    // then it is routed to the task of its id
    assertThat(forwarded()).containsExactly(routed("2601.00001", "2601.00001", false));
  }

  @Test
  void aTitleWithoutAClaimGetsItsTitleKey() {
    // when a text entry without an id arrives under its title key
    process(RAW, TITLE_KEY, sighting(TITLE_KEY));

    // then it is deduped here under the title key, which is marked as issued
    assertThat(forwarded()).containsExactly(routed(TITLE_KEY, TITLE_KEY, true));
    assertThat(ids.get(PaperKeys.titleFingerprint(TITLE))).isEqualTo(IdentityResolver.TITLE_KEY_ISSUED);
  }

  @Test
  void aClaimedTitleSendsItsSightingsToTheId() {
    // given the title claimed for an id
    process(SIGHTINGS, TITLE_KEY, sighting("2601.00001"));
    assertThat(forwarded()).isEmpty();

    // when a text entry of that title arrives
    process(RAW, TITLE_KEY, sighting(TITLE_KEY));

    // then it goes to the id
    assertThat(forwarded()).containsExactly(routed("2601.00001", "2601.00001", false));
  }

  @Test
  void aClaimOfAnIssuedTitleKeyRetiresItAndTheFirstClaimIsKept() {
    // given a title key issued to a text sighting
    process(RAW, TITLE_KEY, sighting(TITLE_KEY));
    context.resetForwards();

    // when two ids claim the title
    process(SIGHTINGS, TITLE_KEY, sighting("2601.00001"));
    process(SIGHTINGS, TITLE_KEY, sighting("2601.00002"));

    // then one hand-over marker (keyed by the title key, carrying the first id) is deduped here
    assertThat(forwarded()).containsExactly(routed(TITLE_KEY, "2601.00001", true));
    assertThat(ids.get(PaperKeys.titleFingerprint(TITLE))).isEqualTo("2601.00001");
  }

  @Test
  void aRawEntryIsNeverReadAsAClaim() {
    // when a raw entry keyed by a title key carries an id (a producer keyed it differently)
    process(RAW, TITLE_KEY, sighting("2601.00001"));

    // then it is a sighting of that id, and claims nothing
    assertThat(forwarded()).containsExactly(routed("2601.00001", "2601.00001", false));
    assertThat(ids.get(PaperKeys.titleFingerprint(TITLE))).isNull();
  }

  private void process(String topic, String key, Paper value) {
    context.setRecordMetadata(topic, 0, 0L);
    resolver.process(new Record<>(key, value, 0L));
  }

  /** What was forwarded: key, the sighting's paper id and whether it stays in this task. */
  private record Sent(String key, String paperId, boolean here) {}

  private List<Sent> forwarded() {
    return context.forwarded().stream()
        .map(f -> new Sent(f.record().key(), f.record().value().sighting().getPaperId(), f.record().value().here()))
        .toList();
  }

  private static Sent routed(String key, String paperId, boolean here) {
    return new Sent(key, paperId, here);
  }

  private static Paper sighting(String paperId) {
    return Paper.newBuilder()
        .setPaperId(paperId)
        .setArxivId(paperId.startsWith(PaperKeys.TITLE_PREFIX) ? null : paperId)
        .setTitle(TITLE)
        .setFirstSeen(Instant.parse("2026-01-02T08:00:00Z"))
        .setLastSeen(Instant.parse("2026-01-02T08:00:00Z"))
        .setSightings(1)
        .build();
  }
}
