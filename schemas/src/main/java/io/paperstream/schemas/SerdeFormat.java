package io.paperstream.schemas;

import java.util.Locale;
import java.util.Optional;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;

/**
 * How the Avro values of paperstream's topics are written ({@code serde.format}): Avro's
 * single-object encoding with the schema history embedded in paperstream (the default, no
 * service needed), or the schema-registry wire format that ksqlDB, Kafka Connect and kcat read.
 */
public final class SerdeFormat {

  public static final String EMBEDDED = "embedded";
  public static final String REGISTRY = "registry";

  private final SchemaStore store;
  private final SchemaRegistryClient registry;

  private SerdeFormat(SchemaStore store, SchemaRegistryClient registry) {
    this.store = store;
    this.registry = registry;
  }

  /** Single-object encoding, writers resolved against every published schema version. */
  public static SerdeFormat embedded() {
    return new SerdeFormat(PublishedSchemas.load().store(), null);
  }

  /** The schema-registry wire format, with schemas registered in and fetched from {@code registry}. */
  public static SerdeFormat registry(SchemaRegistryClient registry) {
    return new SerdeFormat(PublishedSchemas.load().store(), java.util.Objects.requireNonNull(registry, "registry"));
  }

  /** {@value #EMBEDDED} or {@value #REGISTRY}. */
  public String name() {
    return registry == null ? EMBEDDED : REGISTRY;
  }

  /** The registry, in registry mode. */
  public Optional<SchemaRegistryClient> registryClient() {
    return Optional.ofNullable(registry);
  }

  /** The serde of {@code type}'s values in this format. */
  public <T extends SpecificRecord> RecordSerde<T> serde(Class<T> type) {
    return registry == null ? AvroSerde.forType(type, store) : RegistryAvroSerde.forType(type, registry);
  }

  /** The embedded form, whatever this format: for topics and stores internal to the processor. */
  public <T extends SpecificRecord> RecordSerde<T> internalSerde(Class<T> type) {
    return AvroSerde.forType(type, store);
  }

  /** Checks a configured format name; a one-line error names the accepted ones. */
  public static String checkName(String name) {
    String normalized = name.strip().toLowerCase(Locale.ROOT);
    if (!normalized.equals(EMBEDDED) && !normalized.equals(REGISTRY)) {
      throw new IllegalArgumentException("serde.format must be " + EMBEDDED + " or " + REGISTRY + ", not '" + name + "'");
    }
    return normalized;
  }
}
