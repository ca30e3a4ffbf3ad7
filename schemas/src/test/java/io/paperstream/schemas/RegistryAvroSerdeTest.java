package io.paperstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.schemas.testing.ApicurioRegistry;
import io.paperstream.schemas.testing.RegistryApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.RawMessageDecoder;
import org.apache.avro.message.RawMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry-mode serde and its client against a real schema registry: Apicurio Registry,
 * started once for the class from the application Maven unpacked.
 */
class RegistryAvroSerdeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension static final ApicurioRegistry REGISTRY = new ApicurioRegistry();

  @Test
  void writingRegistersTheSubjectWithItsCompatibilityAndReadingResolvesById() throws Exception {
    // given a serde whose client sets BACKWARD_TRANSITIVE on the subjects it registers
    String topic = topic();
    RegistryAvroSerde<RawEntry> serde = RegistryAvroSerde.forType(RawEntry.class, client("BACKWARD_TRANSITIVE"));
    RawEntry entry = SchemaEvolutionTest.sampleEntry();

    // when an entry is written and read back
    byte[] bytes = serde.serializer().serialize(topic, entry);
    RawEntry read = serde.deserializer().deserialize(topic, bytes);

    // then the record is framed with the id the registry gave the schema under <topic>-value
    assertThat(read).isEqualTo(entry);
    assertThat(bytes[0]).isZero();
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    JsonNode byId = get("/schemas/ids/" + id);
    assertThat(SchemaNormalization.parsingFingerprint64(new Schema.Parser().parse(byId.path("schema").asText())))
        .isEqualTo(SchemaNormalization.parsingFingerprint64(RawEntry.getClassSchema()));
    assertThat(get("/subjects").toString()).contains("\"" + topic + "-value\"");
    assertThat(get("/subjects/" + topic + "-value/versions/latest").path("id").asInt()).isEqualTo(id);
    // and the subject has the configured compatibility level
    assertThat(get("/config/" + topic + "-value").path("compatibilityLevel").asText()).isEqualTo("BACKWARD_TRANSITIVE");
  }

  @Test
  void readsARecordWrittenWithANewerVersionIntoTheCurrentClass() throws Exception {
    // given a newer producer's schema (one more optional field) registered under the subject
    String topic = topic();
    SchemaRegistryClient client = client("BACKWARD_TRANSITIVE");
    RegistryAvroSerde<RawEntry> serde = RegistryAvroSerde.forType(RawEntry.class, client);
    serde.serializer().serialize(topic, SchemaEvolutionTest.sampleEntry());
    Schema next = nextVersion();
    int nextId = client.register(topic + "-value", next);

    // when a record that producer wrote is read by today's serde
    RawEntry sample = SchemaEvolutionTest.sampleEntry();
    GenericRecord newer = new RawMessageDecoder<GenericRecord>(GenericData.get(), RawEntry.getClassSchema(), next)
        .decode(new RawMessageEncoder<RawEntry>(SpecificData.get(), RawEntry.getClassSchema()).encode(sample));
    newer.put("license", "CC-BY-4.0");
    RawEntry read = serde.deserializer().deserialize(topic, framed(nextId, next, newer));

    // then the fields both versions have arrive, and the new one is skipped
    assertThat(read.getTitle()).isEqualTo(sample.getTitle());
    assertThat(read.getAuthors()).isEqualTo(sample.getAuthors());
  }

  @Test
  void everyPublishedHistoryRegistersInOrderUnderFullTransitive() {
    // given a client that sets FULL_TRANSITIVE (each version reads, and is read by, every other)
    SchemaRegistryClient client = client("FULL_TRANSITIVE");

    // when every published version of every record is registered, oldest first, under a subject of its own
    PublishedSchemas.load().all().forEach((name, versions) -> {
      String subject = topic() + "-" + name + "-value";
      java.util.Set<Integer> ids = new java.util.HashSet<>();
      for (Schema version : versions) {
        ids.add(client.register(subject, version));
      }

      // then the registry accepts each (it refuses a version that breaks the level), each under an id of its own
      assertThat(ids).as(name).hasSize(versions.size());
    });
  }

  @Test
  void anIncompatibleSchemaIsRefusedInOneLineNamingTheRegistryAndSubject() {
    // given a subject holding RawEntry under BACKWARD_TRANSITIVE
    String topic = topic();
    SchemaRegistryClient client = client("BACKWARD_TRANSITIVE");
    client.register(topic + "-value", RawEntry.getClassSchema());

    // when a schema that current readers cannot read (a new field without a default) is registered
    Schema incompatible = SchemaBuilder.record("RawEntry").namespace("io.paperstream.schemas").fields()
        .requiredString("source").requiredString("mandatoryNewField").endRecord();

    // then the registry refuses it, and the error says where and why in one line
    assertThatThrownBy(() -> client.register(topic + "-value", incompatible))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageStartingWith("schema registry " + REGISTRY.ccompatUrl() + ": POST /subjects/" + topic
            + "-value/versions answered 409")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aSchemaIdTheRegistryDoesNotKnowIsTheRecordsFault() {
    // given a framed record naming an id no schema has
    byte[] bytes = ByteBuffer.allocate(7).put((byte) 0).putInt(987_654).put((byte) 2).put((byte) 65).array();

    // then reading it is a serialization error (a dead letter), not a registry failure
    assertThatThrownBy(() -> RegistryAvroSerde.forType(RawEntry.class, client(null)).decode("t", bytes))
        .isExactlyInstanceOf(SerializationException.class)
        .hasMessageContaining("has no schema with id 987654");
  }

  @Test
  void anUnreachableRegistryFailsWithinTheTimeoutInOneLine() throws IOException {
    // given a registry URL on a port nothing listens on
    String url = RegistryApi.unreachableUrl();
    SchemaRegistryClient client = new SchemaRegistryClient(
        new SchemaRegistryClient.Config(URI.create(url), null, "BACKWARD", Duration.ofSeconds(2)));
    RegistryAvroSerde<RawEntry> serde = RegistryAvroSerde.forType(RawEntry.class, client);

    // when an entry is written, then it fails quickly, naming the registry
    assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
        assertThatThrownBy(() -> serde.encode("t", SchemaEvolutionTest.sampleEntry()))
            .isInstanceOf(SchemaRegistryException.class)
            .hasMessageStartingWith("schema registry " + url + ": cannot connect"));
  }

  @Test
  void aUrlThatIsNoRegistryApiIsARegistryFailureNotAMissingSchema() {
    // given a URL on the registry's server that is not its API (a mistyped schema.registry.url)
    SchemaRegistryClient client = new SchemaRegistryClient(new SchemaRegistryClient.Config(
        URI.create(REGISTRY.ccompatUrl() + "/no-such-api"), "someone:secret", null, TIMEOUT));

    // then looking a schema up fails as the registry's fault, never as "no such schema"
    assertThatThrownBy(() -> client.schema(1))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("/no-such-api: GET /schemas/ids/1 answered 404");
  }

  private static SchemaRegistryClient client(String compatibility) {
    return new SchemaRegistryClient(
        new SchemaRegistryClient.Config(URI.create(REGISTRY.ccompatUrl()), null, compatibility, TIMEOUT));
  }

  private static String topic() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonNode get(String path) throws Exception {
    return RegistryApi.get(REGISTRY.ccompatUrl(), path);
  }

  private static byte[] framed(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(RegistryWireFormat.header(id));
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static Schema nextVersion() throws IOException {
    try (InputStream in = RegistryAvroSerdeTest.class.getResourceAsStream("/evolution/RawEntry-next.avsc")) {
      return new Schema.Parser().parse(in);
    }
  }
}
