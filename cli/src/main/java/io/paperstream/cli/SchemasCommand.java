package io.paperstream.cli;

import io.paperstream.config.ConfigOption;
import io.paperstream.config.PipelineTopics;
import io.paperstream.schemas.RecordSerde;
import io.paperstream.schemas.PublishedSchemas;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.serialization.Serdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code papers schemas}: what a consumer in any language needs to read the topics, offline.
 * Each topic's value schema, every published version of it, with the CRC-64-AVRO fingerprint a
 * single-object-encoded record carries and the registry subject it is known by.
 */
@Command(name = "schemas", mixinStandardHelpOptions = true,
    description = {
        "Prints every published schema of every topic: one line per version (topic, registry subject, record "
            + "name, version, CRC-64-AVRO fingerprint of its parsing canonical form, as a number and as the 8 "
            + "little-endian bytes that follow C3 01 in a record), then the schema itself on the next line.",
        "The registry subject (<topic>-value) is where serde.format=registry registers the schema; '-': never "
            + "registered (internal to the processor, or not Avro).",
        "Keys are plain UTF-8 strings in both formats (no <topic>-key subject). Topic names follow the configuration."})
public final class SchemasCommand implements Callable<Integer> {

  /** The subject column of a topic whose values no registry knows. */
  static final String NOT_REGISTERED = "-";

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Topics topics = PipelineTopics.from(config.settings());
    PublishedSchemas published = PublishedSchemas.load();
    PrintWriter out = spec.commandLine().getOut();
    for (Topic<?, ?> topic : topics.all()) {
      String subject = topics.valueSubject(topic).orElse(NOT_REGISTERED);
      if (!(topic.valueSerde() instanceof RecordSerde<?> serde)) {
        String value = topic.valueSerde() instanceof Serdes.StringSerde
            ? "(UTF-8 string, internal to the processor)" : "(bytes: the original record, as it was rejected)";
        out.println(topic.name() + "\t" + subject + "\t" + value);
        continue;
      }
      List<Schema> versions = published.versions(serde.schema().getFullName());
      for (int i = 0; i < versions.size(); i++) {
        Schema schema = versions.get(i);
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        out.println(topic.name() + "\t" + subject + "\t" + schema.getFullName() + "\tv" + (i + 1)
            + "\t" + Long.toUnsignedString(fingerprint) + "\t" + wireBytes(fingerprint));
        out.println(schema.toString(false));
      }
    }
    out.flush();
    return 0;
  }

  // As written after C3 01: little-endian.
  private static String wireBytes(long fingerprint) {
    return HexFormat.ofDelimiter(" ").formatHex(
        ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(fingerprint).array());
  }
}
