package io.paperstream.processor.topology;

import io.paperstream.processor.normalize.EntryNormalizer;
import io.paperstream.processor.normalize.NormalizationException;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Step 1: a raw entry becomes a one-sighting paper record, not yet enriched (keywords are
 * derived once per paper, by the deduplicator). An entry that cannot be normalized is thrown
 * out as an {@link EntryRejectedException}: Kafka Streams' processing exception handler sends
 * the original record, with the reason, to the dead-letter topic and the stream goes on.
 */
final class NormalizeEntry implements FixedKeyProcessor<String, RawEntry, Paper> {

  private final EntryNormalizer normalizer;
  private FixedKeyProcessorContext<String, Paper> context;

  NormalizeEntry(EntryNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Paper> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, RawEntry> record) {
    RawEntry entry = record.value();
    if (entry == null) {
      return;
    }
    try {
      context.forward(record.withValue(normalizer.normalize(entry)));
    } catch (NormalizationException e) {
      throw new EntryRejectedException(entry, e);
    }
  }
}
