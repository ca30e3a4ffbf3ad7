package io.paperstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The schema-registry framing: magic byte 0, then the schema id as 4 big-endian bytes. */
class RegistryWireFormatTest {

  @Test
  void headerIsTheMagicByteThenTheIdBigEndian() {
    // when the header of schema id 258 (0x00000102) is written
    byte[] header = RegistryWireFormat.header(258);

    // then it is 00, then 00 00 01 02
    assertThat(header).containsExactly(0, 0, 0, 1, 2);
  }

  @Test
  void schemaIdIsReadBackFromAFramedRecord() {
    // given a framed record with the largest id and a body
    byte[] framed = new byte[] {0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 42, 43};

    // then the id is the four bytes after the magic byte
    assertThat(RegistryWireFormat.schemaId(framed)).isEqualTo(Integer.MAX_VALUE);
    assertThat(RegistryWireFormat.schemaId(RegistryWireFormat.header(7))).isEqualTo(7);
  }

  @Test
  void aRecordShorterThanTheHeaderIsAClearError() {
    assertThatThrownBy(() -> RegistryWireFormat.schemaId(new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes, shorter than the 5-byte header");
  }

  @Test
  void aSingleObjectEncodedRecordIsNamedAsSuch() {
    // given a record in the embedded form (C3 01, fingerprint, body)
    byte[] embedded = AvroSerde.forType(RawEntry.class).encode(SchemaEvolutionTest.sampleEntry());

    // then reading it as registry-framed says what it is
    assertThatThrownBy(() -> RegistryWireFormat.schemaId(embedded))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("first byte C3, expected 00")
        .hasMessageContaining("serde.format=embedded");
  }

  @Test
  void anotherFirstByteIsRefused() {
    assertThatThrownBy(() -> RegistryWireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 9}))
        .isInstanceOf(SerializationException.class)
        .hasMessage("not the schema-registry wire format: first byte 01, expected 00");
  }
}
