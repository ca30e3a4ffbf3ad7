package io.paperstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Records written by one schema version are read by readers built on another, both ways. */
class SchemaEvolutionTest {

  private static final PublishedSchemas HISTORY = PublishedSchemas.load();

  @Test
  void currentSchemasArePublished() {
    // given the schemas this build generates classes from
    List<Schema> current = List.of(RawEntry.getClassSchema(), DeadLetter.getClassSchema(),
        Paper.getClassSchema(), KeywordCount.getClassSchema(), KeywordTrend.getClassSchema(),
        FetchLogEntry.getClassSchema(), KeywordDeltas.getClassSchema(),
        KeywordEmergence.getClassSchema());

    // then each has the fingerprint of the newest published version, so no change ships unpublished
    for (Schema schema : current) {
      List<Schema> versions = HISTORY.versions(schema.getFullName());
      assertThat(versions).as("published versions of %s", schema.getFullName()).isNotEmpty();
      assertThat(SchemaNormalization.parsingFingerprint64(versions.get(versions.size() - 1)))
          .as("%s changed: publish it as a new version in avro-history", schema.getFullName())
          .isEqualTo(SchemaNormalization.parsingFingerprint64(schema));
    }
  }

  @Test
  void everyPublishedVersionIsReadableByEveryOtherBothWays() {
    HISTORY.all().forEach((name, versions) -> {
      for (Schema reader : versions) {
        for (Schema writer : versions) {
          assertThat(compatibility(reader, writer)).as("%s reading %s", name, writer).isEqualTo(
              SchemaCompatibilityType.COMPATIBLE);
        }
      }
    });
  }

  @Test
  void newReaderReadsRecordsWrittenByTheCurrentVersion() throws IOException {
    // given a record written by today's producer
    byte[] written = AvroSerde.forType(RawEntry.class).encode(sampleEntry());

    // when a consumer built on the next version (which adds a field) reads it
    Schema next = nextVersion();
    BinaryMessageDecoder<GenericRecord> nextReader =
        new BinaryMessageDecoder<>(GenericData.get(), next, HISTORY.store());
    GenericRecord read = nextReader.decode(written);

    // then the old fields arrive and the new field takes its default
    assertThat(read.get("title")).hasToString("Tidal Lattices for Sparse Forecasting");
    assertThat(read.get("arxivId")).hasToString("2601.00001");
    assertThat(read.get("aiSummary")).hasToString("Lattices of tide gauges forecast tides with fewer parameters.");
    assertThat(read.get("license")).isNull();
  }

  @Test
  void recordsWrittenByV1AreReadByTheCurrentClassesWithoutASummary() throws IOException {
    // given an entry and a paper as the v1 producer and processor wrote them (no aiSummary field)
    RawEntry entry = sampleEntry();
    Paper paper = samplePaper();
    byte[] entryV1 = rewrittenWith(AvroSerde.forType(RawEntry.class).encode(entry), version("RawEntry", 1));
    byte[] paperV1 = rewrittenWith(AvroSerde.forType(Paper.class).encode(paper), version("Paper", 1));

    // when today's classes read them
    RawEntry readEntry = AvroSerde.forType(RawEntry.class).decode(entryV1);
    Paper readPaper = AvroSerde.forType(Paper.class).decode(paperV1);

    // then every v1 field arrives and the summary takes its default, null
    assertThat(readEntry).isEqualTo(RawEntry.newBuilder(entry).setAiSummary(null).build());
    assertThat(readPaper).isEqualTo(Paper.newBuilder(paper).setAiSummary(null).build());
  }

  @Test
  void recordsWrittenByTheCurrentClassesAreReadByAV1Reader() throws IOException {
    // given an entry and a paper written today, each with a summary
    byte[] entry = AvroSerde.forType(RawEntry.class).encode(sampleEntry());
    byte[] paper = AvroSerde.forType(Paper.class).encode(samplePaper());

    // when a consumer built on v1 reads them
    GenericRecord entryV1 = readAs(version("RawEntry", 1), entry);
    GenericRecord paperV1 = readAs(version("Paper", 1), paper);

    // then it gets the fields it knows, and no summary
    assertThat(entryV1.get("title")).hasToString("Tidal Lattices for Sparse Forecasting");
    assertThat(entryV1.getSchema().getField("aiSummary")).isNull();
    assertThat(paperV1.get("paperId")).hasToString("2601.00001");
    assertThat(paperV1.get("keywords")).asString().contains("tidal forecasting");
    assertThat(paperV1.getSchema().getField("aiSummary")).isNull();
  }

  @Test
  void currentReaderReadsRecordsWrittenByTheNextVersion() throws IOException {
    // given a record written by a newer producer, whose schema has been published
    Schema next = nextVersion();
    assertThat(compatibility(RawEntry.getClassSchema(), next)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    byte[] bytes = writtenWith(next);

    // when today's consumer, whose store knows the published next version, reads it
    AvroSerde<RawEntry> today = AvroSerde.forType(RawEntry.class, HISTORY.store(next));
    RawEntry read = today.decode(bytes);

    // then it gets every field it knows and ignores the one it does not
    assertThat(read.getTitle()).isEqualTo("Quiet Gradients in Loud Networks");
    assertThat(read.getSourceKind()).isEqualTo(SourceKind.API_JSON);
    assertThat(read.getPosition()).isEqualTo(3);
    assertThat(read.getFetchedAt()).isEqualTo(Instant.ofEpochMilli(1_767_225_600_000L));
  }

  @Test
  void unknownWriterVersionIsAClearError() throws IOException {
    // given a record written by a version the reader was never told about
    byte[] bytes = writtenWith(nextVersion());

    // when / then a reader without it fails with a message that says what to do
    assertThatThrownBy(() -> AvroSerde.forType(RawEntry.class).decode(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema version this reader does not know");
  }

  /** Published version {@code number} (1-based) of record {@code name}. */
  private static Schema version(String name, int number) {
    return HISTORY.versions("io.paperstream.schemas." + name).get(number - 1);
  }

  /** The record {@code bytes} hold, read with {@code reader} (no logical-type conversions). */
  private static GenericRecord readAs(Schema reader, byte[] bytes) throws IOException {
    return new BinaryMessageDecoder<GenericRecord>(GenericData.get(), reader, HISTORY.store()).decode(bytes);
  }

  /** The record {@code bytes} hold, written again as a producer on {@code writer} would have. */
  private static byte[] rewrittenWith(byte[] bytes, Schema writer) throws IOException {
    ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer)
        .encode(readAs(writer, bytes));
    byte[] rewritten = new byte[written.remaining()];
    written.get(rewritten);
    return rewritten;
  }

  /** A record of the hypothetical next version, in single-object encoding. */
  private static byte[] writtenWith(Schema next) throws IOException {
    GenericRecord newer = new GenericData.Record(next);
    for (Schema.Field field : next.getFields()) {
      newer.put(field.name(), field.hasDefaultValue() ? GenericData.get().getDefaultValue(field) : null);
    }
    newer.put("source", "file:///tmp/page.json");
    newer.put("sourceKind", new GenericData.EnumSymbol(next.getField("sourceKind").schema(), "API_JSON"));
    newer.put("fetchedAt", 1_767_225_600_000L);
    newer.put("position", 3);
    newer.put("pageFingerprint", "ab12");
    newer.put("title", "Quiet Gradients in Loud Networks");
    newer.put("license", "cc-by-4.0");
    ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), next).encode(newer);
    byte[] bytes = new byte[written.remaining()];
    written.get(bytes);
    return bytes;
  }

  @Test
  void garbageIsAClearError() {
    assertThatThrownBy(() -> AvroSerde.forType(RawEntry.class).decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("RawEntry");
  }

  @Test
  void roundTripKeepsEveryField() {
    // given an entry with every field set
    RawEntry entry = sampleEntry();
    AvroSerde<RawEntry> serde = AvroSerde.forType(RawEntry.class);

    // when it is written and read back through the Kafka serde
    RawEntry read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", entry));

    // then nothing changed, and the bytes carry the single-object header (C3 01)
    assertThat(read).isEqualTo(entry);
    byte[] bytes = serde.encode(entry);
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
  }

  static RawEntry sampleEntry() {
    return RawEntry.newBuilder()
        .setSource("https://example.org/api/daily_papers?date=2026-01-02")
        .setSourceKind(SourceKind.API_JSON)
        .setFetchedAt(Instant.parse("2026-01-02T08:00:00Z"))
        .setPageDate(LocalDate.parse("2026-01-02"))
        .setPosition(0)
        .setPageFingerprint("00ff")
        .setTitle("Tidal Lattices for Sparse Forecasting")
        .setAbstract$("We forecast tides with 100\\% fewer lattices.")
        .setAuthors(List.of("Ada Mirel", "Bo Tanaka"))
        .setAuthorCount(2)
        .setOrganization("Harbor Lab")
        .setDateText("Jan 1")
        .setPublishedAt(Instant.parse("2025-12-30T00:00:00Z"))
        .setFeaturedDate(LocalDate.parse("2026-01-02"))
        .setUpvotes(7)
        .setComments(1)
        .setArxivId("2601.00001")
        .setGithubRepo("https://github.com/example/tides")
        .setProjectPage("https://example.org/tides")
        .setSourceKeywords(List.of("tidal forecasting", "lattice"))
        .setAiSummary("Lattices of tide gauges forecast tides with fewer parameters.")
        .build();
  }

  static Paper samplePaper() {
    return Paper.newBuilder()
        .setPaperId("2601.00001")
        .setArxivId("2601.00001")
        .setTitle("Tidal Lattices for Sparse Forecasting")
        .setAbstract$("We forecast tides with 100% fewer lattices.")
        .setAuthors(List.of("Ada Mirel", "Bo Tanaka"))
        .setAuthorCount(2)
        .setOrganization("Harbor Lab")
        .setPublishedDate(LocalDate.parse("2025-12-30"))
        .setFeaturedDate(LocalDate.parse("2026-01-02"))
        .setUpvotes(7)
        .setComments(1)
        .setKeywords(List.of("tidal forecasting", "lattice"))
        .setSourceKeywords(List.of("tidal forecasting", "lattice"))
        .setArxivUrl("https://arxiv.org/abs/2601.00001")
        .setCodeUrls(List.of("https://github.com/example/tides"))
        .setProjectPage("https://example.org/tides")
        .setFirstSeen(Instant.parse("2026-01-02T08:00:00Z"))
        .setLastSeen(Instant.parse("2026-01-03T08:00:00Z"))
        .setSightings(2)
        .setSources(List.of("https://example.org/a", "https://example.org/b"))
        .setAiSummary("Lattices of tide gauges forecast tides with fewer parameters.")
        .build();
  }

  private static Schema nextVersion() throws IOException {
    try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/RawEntry-next.avsc")) {
      return new Schema.Parser().parse(in);
    }
  }

  private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
  }
}
