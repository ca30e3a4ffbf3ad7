package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Resolves each sighting's paper id through a title-fingerprint → arXiv id store.
 *
 * <p>Runs partitioned by title fingerprint, so every sighting of one title meets the same
 * store entry. A title seen without an id gets the key {@code title:<fingerprint>} until a
 * page gives its arXiv id; from then on its sightings go to the id, and the title key is
 * retired once: a record keyed by the title key but carrying the id as {@code paperId} tells
 * the deduplicator to hand that paper's record over to the id.
 */
final class IdentityResolver implements Processor<String, Paper, String, Paper> {

  /** Marks a fingerprint whose title key was handed out while no id was known. */
  static final String TITLE_KEY_ISSUED = "";

  private final String storeName;
  private ProcessorContext<String, Paper> context;
  private KeyValueStore<String, String> idsByTitle;

  IdentityResolver(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, Paper> context) {
    this.context = context;
    this.idsByTitle = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Paper> record) {
    String fingerprint = record.key();
    Paper sighting = record.value();
    String known = idsByTitle.get(fingerprint);
    String titleKey = PaperKeys.TITLE_PREFIX + fingerprint;
    String arxivId = sighting.getArxivId();
    if (arxivId != null) {
      if (TITLE_KEY_ISSUED.equals(known)) {
        context.forward(record.withKey(titleKey).withValue(withId(sighting, arxivId)));
      }
      if (known == null || TITLE_KEY_ISSUED.equals(known)) {
        idsByTitle.put(fingerprint, arxivId);
      }
      context.forward(record.withKey(arxivId).withValue(withId(sighting, arxivId)));
    } else if (known != null && !TITLE_KEY_ISSUED.equals(known)) {
      context.forward(record.withKey(known).withValue(withId(sighting, known)));
    } else {
      if (known == null) {
        idsByTitle.put(fingerprint, TITLE_KEY_ISSUED);
      }
      context.forward(record.withKey(titleKey).withValue(withId(sighting, titleKey)));
    }
  }

  private static Paper withId(Paper sighting, String paperId) {
    return paperId.equals(sighting.getPaperId()) ? sighting : Paper.newBuilder(sighting).setPaperId(paperId).build();
  }
}
