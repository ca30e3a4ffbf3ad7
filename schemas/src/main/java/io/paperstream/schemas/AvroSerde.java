package io.paperstream.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro record in the Avro single-object encoding: a two-byte marker,
 * the writer schema's 64-bit fingerprint, then the binary body.
 *
 * <p>Reading resolves the writer's schema through a {@link SchemaStore} holding every published
 * version, so records written by older (or newer, once published) schema versions are read into
 * the current class by Avro's schema resolution. Encoders and decoders are thread-safe, so one
 * instance may be shared by all of a client's threads.
 */
public final class AvroSerde<T extends SpecificRecord> implements RecordSerde<T> {

  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroSerde(Class<T> type, Schema schema, SchemaStore store) {
    SpecificData model = SpecificData.getForClass(type);
    this.schema = schema;
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema, store);
  }

  /** A serde for {@code type}, resolving writers against every published schema version. */
  public static <T extends SpecificRecord> AvroSerde<T> forType(Class<T> type) {
    return forType(type, PublishedSchemas.load().store());
  }

  public static <T extends SpecificRecord> AvroSerde<T> forType(Class<T> type, SchemaStore store) {
    return new AvroSerde<>(type, SpecificData.get().getSchema(type), store);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  public byte[] encode(T value) {
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + schema.getName() + ": " + e.getMessage(), e);
    }
  }

  public T decode(byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (MissingSchemaException e) {
      throw new SerializationException("cannot decode " + schema.getName()
          + ": written with a schema version this reader does not know (" + e.getMessage()
          + "); publish it in avro-history or upgrade the reader", e);
    } catch (BadHeaderException e) {
      throw new SerializationException("cannot decode " + schema.getName()
          + ": not Avro single-object encoding (" + e.getMessage() + ")", e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot decode " + schema.getName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }
}
