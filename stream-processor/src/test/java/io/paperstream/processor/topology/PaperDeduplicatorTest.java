package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.enrich.PaperEnricher;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.PublishedSchemas;
import io.paperstream.schemas.AvroSerde;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaperDeduplicatorTest {

  private static final String TITLE = "Sparse Lattice Transformers for Tidal Forecasting";
  private static final String TITLE_KEY = PaperKeys.TITLE_PREFIX + PaperKeys.titleFingerprint(TITLE);
  private static final String ID = "2601.00001";

  private final MockProcessorContext<String, DedupeResult> context = new MockProcessorContext<>();
  private static final KeywordExtractor EXTRACTOR = new KeywordExtractor(5);

  private final PaperDeduplicator deduplicator =
      new PaperDeduplicator("papers", new PaperMerger(new PaperEnricher(EXTRACTOR)), KeyphraseVocabulary.EMPTY);
  private KeyValueStore<String, Paper> papers;

  @BeforeEach
  void init() {
    papers = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("papers"), Serdes.String(),
        AvroSerde.forType(Paper.class, PublishedSchemas.load().store())).withLoggingDisabled().build();
    papers.init(context.getStateStoreContext(), papers);
    context.addStateStore(papers);
    KeyValueStore<String, String> vocabulary = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(VocabularyTopology.VOCABULARY_STORE), Serdes.String(), Serdes.String())
        .withLoggingDisabled().build();
    vocabulary.init(context.getStateStoreContext(), vocabulary);
    context.addStateStore(vocabulary);
    deduplicator.init(context);
  }

  @Test
  void aFirstSightingWithAnIdIsRecordedAndClaimsItsTitle() {
    // when a paper is first seen with its arXiv id
    process(ID, sighting(ID, TITLE, "https://example.org/a", 5));

    // then its record is published, and its title claimed for the id under the title key
    List<DedupeResult> results = forwarded();
    assertThat(results).hasSize(2);
    assertThat(((PaperChange) results.get(0)).after().getKeywords()).isNotEmpty();
    TitleClaim claim = (TitleClaim) results.get(1);
    assertThat(claim.titleKey()).isEqualTo(TITLE_KEY);
    assertThat(claim.claim().getPaperId()).isEqualTo(ID);
    assertThat(context.forwarded().get(1).record().key()).isEqualTo(TITLE_KEY);
  }

  @Test
  void aLaterSightingOfTheSameTitleClaimsNothingAndChangesOnlyWhatIsMaterial() {
    // given a recorded paper
    process(ID, sighting(ID, TITLE, "https://example.org/a", 5));
    context.resetForwards();

    // when the same page is seen again, then with more upvotes
    process(ID, sighting(ID, TITLE, "https://example.org/a", 5));
    process(ID, sighting(ID, TITLE, "https://example.org/a", 9));

    // then one change, no claim
    List<DedupeResult> results = forwarded();
    assertThat(results).hasSize(1);
    assertThat(((PaperChange) results.get(0)).after().getUpvotes()).isEqualTo(9);
  }

  @Test
  void aChangeCarriesTheExtractionItsKeywordsCameFromAndOnlyWhenTheyWereDerived() {
    // given a paper seen for the first time
    Paper first = sighting(ID, TITLE, "https://example.org/a", 5);
    process(ID, first);
    PaperChange recorded = (PaperChange) forwarded().get(0);
    context.resetForwards();

    // when it is seen again with more upvotes, the same text
    process(ID, sighting(ID, TITLE, "https://example.org/a", 9));
    PaperChange upvoted = (PaperChange) forwarded().get(0);

    // then the first change carries what derived its keywords, the text's candidates with them;
    // the second derived nothing, so carries nothing
    assertThat(recorded.extraction()).isNotNull();
    assertThat(recorded.extraction().keywords()).isEqualTo(recorded.after().getKeywords());
    assertThat(recorded.extraction().candidatePhrases())
        .isEqualTo(EXTRACTOR.candidatePhrases(first.getTitle(), first.getAbstract$())).isNotEmpty();
    assertThat(upvoted.extraction()).isNull();
    assertThat(upvoted.after().getKeywords()).isEqualTo(recorded.after().getKeywords());
  }

  @Test
  void aNewTitleOfAKnownPaperIsClaimed() {
    // given a recorded paper
    process(ID, sighting(ID, TITLE, "https://example.org/a", 5));
    context.resetForwards();

    // when a later page gives it a corrected title
    process(ID, sighting(ID, "Sparse Lattice Transformers for Tidal and Surge Forecasting", "https://example.org/b", 5));

    // then the new title is claimed too
    assertThat(forwarded()).filteredOn(TitleClaim.class::isInstance).hasSize(1);
  }

  @Test
  void aHandOverMarkerMovesTheTitleKeysRecordToTheId() {
    // given a paper recorded under its title key
    process(TITLE_KEY, sighting(TITLE_KEY, TITLE, "file:///search.txt", 2));
    context.resetForwards();

    // when the marker of its claim arrives (keyed by the title key, carrying the id)
    process(TITLE_KEY, sighting(ID, TITLE, "https://example.org/a", 0));

    // then the title key's record is gone, and its change names the id it moved to
    assertThat(papers.get(TITLE_KEY)).isNull();
    PaperChange change = (PaperChange) forwarded().get(0);
    assertThat(change.after()).isNull();
    assertThat(change.movedTo()).isEqualTo(ID);
  }

  private void process(String key, Paper sighting) {
    deduplicator.process(new Record<>(key, sighting, 0L));
  }

  private List<DedupeResult> forwarded() {
    return context.forwarded().stream().<DedupeResult>map(f -> f.record().value()).toList();
  }

  private static Paper sighting(String paperId, String title, String source, int upvotes) {
    return Paper.newBuilder()
        .setPaperId(paperId)
        .setArxivId(paperId.startsWith(PaperKeys.TITLE_PREFIX) ? null : paperId)
        .setTitle(title)
        .setAbstract$("We introduce sparse lattice transformers, which forecast tides from harbour gauges.")
        .setUpvotes(upvotes)
        .setFirstSeen(Instant.parse("2026-01-02T08:00:00Z"))
        .setLastSeen(Instant.parse("2026-01-02T08:00:00Z").plusSeconds(upvotes))
        .setSightings(1)
        .setSources(List.of(source))
        .build();
  }
}
