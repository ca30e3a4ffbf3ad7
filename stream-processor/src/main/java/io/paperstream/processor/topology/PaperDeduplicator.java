package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.PaperEnricher.Enriched;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Steps 3 and 4: keeps one record per paper, enriched, and says what changed.
 *
 * <p>Runs in the task of the paper id (see {@link IdentityResolver}). A sighting folds into the
 * paper's record; a change is published only when something material changed, so the same page
 * seen twice emits nothing. A record whose {@code paperId} differs from its key is a hand-over
 * marker from a claimed title key: the record under the key is removed and sent on to the id.
 * Keywords are derived here, once per paper (and again only when its text changes), not once
 * per sighting. A sighting with an arXiv id whose title the record did not have yet also
 * yields a {@link TitleClaim}, so that later sightings of that title without an id find it.
 */
final class PaperDeduplicator implements Processor<String, Paper, String, DedupeResult> {

  private final String storeName;
  private final PaperMerger merger;
  private final KeyphraseVocabulary seed;
  private ProcessorContext<String, DedupeResult> context;
  private KeyValueStore<String, Paper> papers;

  /** @param seed the vocabulary under what the stream teaches ({@link KeyphraseVocabulary#EMPTY}: none) */
  PaperDeduplicator(String storeName, PaperMerger merger, KeyphraseVocabulary seed) {
    this.storeName = storeName;
    this.merger = merger;
    this.seed = seed;
  }

  @Override
  public void init(ProcessorContext<String, DedupeResult> context) {
    this.context = context;
    this.papers = context.getStateStore(storeName);
    merger.useVocabulary(VocabularyTopology.vocabulary(context, seed));
  }

  @Override
  public void process(Record<String, Paper> record) {
    String key = record.key();
    Paper sighting = record.value();
    Paper existing = papers.get(key);
    if (!key.equals(sighting.getPaperId())) {
      if (existing != null) {
        papers.delete(key);
        context.forward(record.withValue(new PaperChange(key, existing, null, sighting.getPaperId())));
      }
      return;
    }
    Enriched enriched = existing == null ? merger.first(sighting) : merger.merge(key, existing, sighting);
    Paper merged = enriched.paper();
    papers.put(key, merged);
    if (existing == null || PaperMerger.materiallyDifferent(existing, merged)) {
      context.forward(record.withValue(new PaperChange(key, existing, merged, null, enriched.extraction())));
    }
    if (sighting.getArxivId() != null && !sameTitle(existing, sighting)) {
      TitleClaim claim = TitleClaim.of(key, sighting);
      context.forward(record.withKey(claim.titleKey()).withValue(claim));
    }
  }

  /** Whether the record already had the sighting's title, so the title was claimed before. */
  private static boolean sameTitle(Paper existing, Paper sighting) {
    return existing != null && (existing.getTitle().equals(sighting.getTitle())
        || PaperKeys.titleFingerprint(existing.getTitle()).equals(PaperKeys.titleFingerprint(sighting.getTitle())));
  }
}
