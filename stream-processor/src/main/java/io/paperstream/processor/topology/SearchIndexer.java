package io.paperstream.processor.topology;

import io.paperstream.processor.search.PaperDocuments;
import io.paperstream.processor.search.SearchIndexStore;
import io.paperstream.schemas.Paper;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the {@link SearchIndexStore} of a partition equal to its papers store. On start (Kafka
 * Streams starts a task's processors once its stores are restored) it has every paper of the
 * store indexed, in the background; then each change replaces or removes the paper's document. A change that leaves the
 * searched fields alone (upvotes, sightings) costs nothing.
 */
final class SearchIndexer implements Processor<String, PaperChange, Void, Void> {

  private SearchIndexStore index;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    index = context.getStateStore(SearchIndexStore.NAME);
    KeyValueStore<String, Paper> papers = context.getStateStore(PaperTopology.PAPERS_STORE);
    index.rebuildFrom(papers);
  }

  @Override
  public void process(Record<String, PaperChange> record) {
    PaperChange change = record.value();
    if (change.after() == null || !PaperDocuments.sameDocument(change.before(), change.after())) {
      index.apply(change.paperId(), change.after());
    }
  }
}
