package io.paperstream.schemas;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** A serde for one generated Avro record type, whichever wire form it writes. */
public interface RecordSerde<T extends SpecificRecord> extends Serde<T> {

  /** The schema this serde writes and reads into (the generated class's). */
  Schema schema();
}
