package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Step 2: decides which paper each sighting belongs to, and whether this task holds it.
 *
 * <p>Raw entries arrive keyed by their provisional key (arXiv id, else title key), partitioned
 * by Kafka's default partitioner, and so do the records of the sightings topic: a paper's
 * record lives in the task its key hashes to, and a sighting keyed as its paper id is deduped
 * right here, with no hop. Everything else takes one hop through the sightings topic, keyed by
 * the id it resolves to.
 *
 * <p>A title without an id is resolved through a title → arXiv id store, held by the task its
 * title key hashes to: the deduplicator sends a {@link TitleClaim} there the first time an id
 * comes with a title. A title seen without an id before any claim gets the key
 * {@code title:<fingerprint>}; when the claim comes, a marker (keyed by the title key, carrying
 * the id as {@code paperId}) tells the deduplicator to hand that record over to the id. The
 * first id to claim a title keeps it.
 */
final class IdentityResolver implements Processor<String, Paper, String, Routed> {

  /** Marks a fingerprint whose title key was handed out while no id was known. */
  static final String TITLE_KEY_ISSUED = "";

  private final String storeName;
  private final String sightingsTopic;
  private ProcessorContext<String, Routed> context;
  private KeyValueStore<String, String> idsByTitle;

  /** @param sightingsTopic the topic claims and re-routed sightings come back from */
  IdentityResolver(String storeName, String sightingsTopic) {
    this.storeName = storeName;
    this.sightingsTopic = sightingsTopic;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.idsByTitle = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Paper> record) {
    String key = record.key();
    Paper sighting = record.value();
    if (sighting == null) {
      return; // a tombstone another client wrote: these topics are not compacted, it deletes nothing
    }
    if (isTitleKey(key) && !isTitleKey(sighting.getPaperId()) && fromSightings()) {
      claim(record);
      return;
    }
    String paperId = resolve(key, sighting);
    Paper resolved = paperId.equals(sighting.getPaperId())
        ? sighting : Paper.newBuilder(sighting).setPaperId(paperId).build();
    context.forward(record.withKey(paperId).withValue(new Routed(resolved, paperId.equals(key))));
  }

  /** The paper id of a sighting: its arXiv id, else the id its title was claimed for, else its title key. */
  private String resolve(String key, Paper sighting) {
    String paperId = sighting.getPaperId();
    if (!isTitleKey(paperId) || !paperId.equals(key)) {
      return paperId;
    }
    String fingerprint = paperId.substring(PaperKeys.TITLE_PREFIX.length());
    String known = idsByTitle.get(fingerprint);
    if (known == null) {
      idsByTitle.put(fingerprint, TITLE_KEY_ISSUED);
      return paperId;
    }
    return TITLE_KEY_ISSUED.equals(known) ? paperId : known;
  }

  /** An id claims the title keyed {@code record.key()}: the first claim is kept, an issued title key retired. */
  private void claim(Record<String, Paper> record) {
    String fingerprint = record.key().substring(PaperKeys.TITLE_PREFIX.length());
    String known = idsByTitle.get(fingerprint);
    if (known != null && !TITLE_KEY_ISSUED.equals(known)) {
      return;
    }
    idsByTitle.put(fingerprint, record.value().getPaperId());
    if (known != null) {
      context.forward(record.withValue(new Routed(record.value(), true)));
    }
  }

  /** Only the sightings topic carries claims: a raw entry is never read as one. */
  private boolean fromSightings() {
    return context.recordMetadata().map(RecordMetadata::topic).map(sightingsTopic::equals).orElse(false);
  }

  /** A null key (a raw entry another producer wrote without one) is no paper's key: it takes the hop. */
  private static boolean isTitleKey(String key) {
    return key != null && key.startsWith(PaperKeys.TITLE_PREFIX);
  }
}
