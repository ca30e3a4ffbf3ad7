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
  }

  @Test
  void missingOptionalFieldsAreJsonNull() {
    RawEntry entry = RawEntry.newBuilder(SchemaEvolutionTest.sampleEntry()).setAbstract$(null).setAuthors(null).build();

    String line = new RecordJson().toLine(entry);

    assertThat(line).contains("\"abstract\":null", "\"authors\":null").doesNotContain("\n");
  }
}
