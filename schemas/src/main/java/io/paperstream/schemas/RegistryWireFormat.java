package io.paperstream.schemas;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema-registry wire format read by ksqlDB, Kafka Connect's AvroConverter and kcat
 * {@code -s avro}: the magic byte {@code 0}, the writer schema's registry id as a 4-byte
 * big-endian int, then the Avro binary body.
 */
public final class RegistryWireFormat {

  public static final byte MAGIC_BYTE = 0;
  /** Magic byte and schema id: where the Avro body starts. */
  public static final int HEADER_BYTES = 1 + Integer.BYTES;

  // The first byte of the single-object encoding (C3 01), named in errors to spot mixed forms.
  private static final byte SINGLE_OBJECT_MARKER = (byte) 0xC3;

  private RegistryWireFormat() {}

  /** The header for a body written with the schema of registry id {@code schemaId}. */
  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** The writer schema's id in a framed record; a clear error when the bytes are not framed. */
  public static int schemaId(byte[] framed) {
    if (framed.length < HEADER_BYTES) {
      throw new SerializationException("not the schema-registry wire format: " + framed.length
          + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
    }
    if (framed[0] != MAGIC_BYTE) {
      String first = HexFormat.of().withUpperCase().toHexDigits(framed[0]);
      throw new SerializationException("not the schema-registry wire format: first byte " + first
          + ", expected 00" + (framed[0] == SINGLE_OBJECT_MARKER
              ? " (C3 starts Avro's single-object encoding: written with serde.format=embedded)" : ""));
    }
    return ByteBuffer.wrap(framed, 1, Integer.BYTES).getInt();
  }
}
