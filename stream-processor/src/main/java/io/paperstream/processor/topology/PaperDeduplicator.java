package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Steps 3 and 4: keeps one record per paper, enriched, and says what changed.
 *
 * <p>Runs partitioned by resolved paper id. A sighting folds into the paper's record; a change
 * is published only when something material changed, so the same page seen twice emits
 * nothing. A record whose {@code paperId} differs from its key is a hand-over from a retired
 * title key (see {@link IdentityResolver}): the record under the key is removed and sent on to
 * the id. Keywords are derived here, once per paper (and again only when its text changes),
 * not once per sighting.
 */
final class PaperDeduplicator implements Processor<String, Paper, String, PaperChange> {

  private final String storeName;
  private final PaperMerger merger;
  private ProcessorContext<String, PaperChange> context;
  private KeyValueStore<String, Paper> papers;

  PaperDeduplicator(String storeName, PaperMerger merger) {
    this.storeName = storeName;
    this.merger = merger;
  }

  @Override
  public void init(ProcessorContext<String, PaperChange> context) {
    this.context = context;
    this.papers = context.getStateStore(storeName);
    merger.useVocabulary(VocabularyTopology.vocabulary(context));
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
    Paper merged = existing == null ? merger.first(sighting) : merger.merge(key, existing, sighting);
    papers.put(key, merged);
    if (existing == null || PaperMerger.materiallyDifferent(existing, merged)) {
      context.forward(record.withValue(new PaperChange(key, existing, merged, null)));
    }
  }
}
