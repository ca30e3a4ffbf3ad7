package io.paperstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

  @Test
  void writesSchemaNamesIsoDatesAndNoUnionWrappers() {
    // given an entry with dates, lists and an enum
    RawEntry entry = SchemaEvolutionTest.sampleEntry();

    // when it becomes JSON
    ObjectNode json = new RecordJson().toJson(entry);

    // then every schema field is there under its schema name, in plain form
    assertThat(json.size()).isEqualTo(RawEntry.getClassSchema().getFields().size());
    assertThat(json.get("abstract").asText()).isEqualTo("We forecast tides with 100\\% fewer lattices.");
    assertThat(json.get("sourceKind").asText()).isEqualTo("API_JSON");
    assertThat(json.get("fetchedAt").asText()).isEqualTo("2026-01-02T08:00:00Z");
    assertThat(json.get("pageDate").asText()).isEqualTo("2026-01-02");
    assertThat(json.get("authors").get(1).asText()).isEqualTo("Bo Tanaka");
    assertThat(json.get("upvotes").asInt()).isEqualTo(7);
    assertThat(json.get("position").isInt()).isTrue();
    assertThat(json.get("aiSummary").asText()).isEqualTo("Lattices of tide gauges forecast tides with fewer parameters.");
  }

  @Test
  void nestedRecordsInArraysAreJsonObjects() {
    // given a trend, whose keywords are records in an array
    KeywordTrend trend = KeywordTrend.newBuilder()
        .setDate(java.time.LocalDate.parse("2026-03-20"))
        .setKeywords(java.util.List.of(TrendingKeyword.newBuilder()
            .setKeyword("tidal forecasting").setCount(2).setCount7d(3).setBaseline28d(4).setGrowth(2.0).build()))
        .build();

    // when it is read back through the serde (Avro arrays) and turned into JSON
    AvroSerde<KeywordTrend> serde = AvroSerde.forType(KeywordTrend.class);
    ObjectNode json = new RecordJson().toJson(serde.decode(serde.encode(trend)));

    // then the array holds objects with typed fields
    assertThat(json.get("keywords").isArray()).isTrue();
    assertThat(json.get("keywords").get(0).get("keyword").asText()).isEqualTo("tidal forecasting");
    assertThat(json.get("keywords").get(0).get("growth").asDouble()).isEqualTo(2.0);
  }

  @Test
  void missingOptionalFieldsAreJsonNull() {
    RawEntry entry = RawEntry.newBuilder(SchemaEvolutionTest.sampleEntry()).setAbstract$(null).setAuthors(null).build();

    String line = new RecordJson().toLine(entry);

    assertThat(line).contains("\"abstract\":null", "\"authors\":null").doesNotContain("\n");
  }
}
