package io.paperstream.schemas;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.RawMessageDecoder;
import org.apache.avro.message.RawMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro record in the schema-registry wire format
 * ({@link RegistryWireFormat}). Writing registers the record's schema under the subject
 * {@code <topic>-value} (the TopicNameStrategy) once per topic; reading fetches the writer's
 * schema by the id in the record, once per id, and resolves it against the record's schema.
 *
 * <p>Avro's raw encoders and decoders are thread-safe, so one instance serves all of a client's
 * threads. A registry that cannot be used throws {@link SchemaRegistryException}; a record that
 * cannot be read throws {@link SerializationException}.
 */
public final class RegistryAvroSerde<T extends SpecificRecord> implements RecordSerde<T> {

  private final Schema schema;
  private final SpecificData model;
  private final SchemaRegistryClient registry;
  private final RawMessageEncoder<T> encoder;
  private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
  private final Map<Integer, RawMessageDecoder<T>> decodersById = new ConcurrentHashMap<>();

  private RegistryAvroSerde(Class<T> type, SchemaRegistryClient registry) {
    this.model = SpecificData.getForClass(type);
    this.schema = model.getSchema(type);
    this.registry = registry;
    this.encoder = new RawMessageEncoder<>(model, schema);
  }

  public static <T extends SpecificRecord> RegistryAvroSerde<T> forType(Class<T> type, SchemaRegistryClient registry) {
    return new RegistryAvroSerde<>(type, registry);
  }

  /** The registry subject of a topic's values. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  @Override
  public Schema schema() {
    return schema;
  }

  public byte[] encode(String topic, T value) {
    int id = idsByTopic.computeIfAbsent(topic, t -> registry.register(valueSubject(t), schema));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(RegistryWireFormat.header(id));
    try {
      encoder.encode(value, out);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + schema.getName() + " for " + topic + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  public T decode(String topic, byte[] bytes) {
    try {
      int id = RegistryWireFormat.schemaId(bytes);
      RawMessageDecoder<T> decoder = decodersById.computeIfAbsent(id,
          key -> new RawMessageDecoder<>(model, registry.schema(key), schema));
      return decoder.decode(new ByteArrayInputStream(bytes, RegistryWireFormat.HEADER_BYTES,
          bytes.length - RegistryWireFormat.HEADER_BYTES));
    } catch (SchemaRegistryException e) {
      throw e;
    } catch (IOException | AvroRuntimeException | SerializationException e) {
      throw new SerializationException("cannot decode " + schema.getName() + " from " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode(topic, value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(topic, bytes);
  }
}
