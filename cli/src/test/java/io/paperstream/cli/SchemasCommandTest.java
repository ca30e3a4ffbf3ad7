package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.KeywordCount;
import io.paperstream.schemas.Paper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** {@code papers schemas}: each topic's published value schemas with fingerprint and registry subject. */
class SchemasCommandTest {

  @Test
  void printsEachPublishedSchemaWithItsFingerprintAndSubject() {
    // when the schemas are printed
    StringWriter out = new StringWriter();
    int exit = Papers.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
        .execute("schemas");

    // then papers and keyword-daily-counts carry the fingerprint their records are written with
    assertThat(exit).isZero();
    List<String> lines = out.toString().lines().toList();
    assertSchemaLine(lines, "papers", Paper.getClassSchema());
    assertSchemaLine(lines, "keyword-daily-counts", KeywordCount.getClassSchema());
    // and the dead-letter topic, which keeps the rejected bytes, says so, with no registry subject
    assertThat(lines).anyMatch(line -> line.startsWith("paper-processing-dead-letters\t-\t(bytes"));
    // and the processor's internal sightings are never registered either
    assertThat(lines).anyMatch(line -> line.startsWith("paper-sightings\t-\tio.paperstream.schemas.Paper\t"));
  }

  private static void assertSchemaLine(List<String> lines, String topic, Schema current) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(current);
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(topic + "\t")) {
        at = i;
      }
    }
    assertThat(at).as(topic).isNotNegative();
    String[] fields = lines.get(at).split("\t");
    assertThat(fields[1]).isEqualTo(topic + "-value");
    assertThat(fields[2]).isEqualTo(current.getFullName());
    assertThat(fields[4]).isEqualTo(Long.toUnsignedString(fingerprint));
    // the wire bytes are the fingerprint, little-endian
    assertThat(fields[5]).startsWith(String.format("%02x", fingerprint & 0xff));
    // and the schema printed is that version
    assertThat(SchemaNormalization.parsingFingerprint64(new Schema.Parser().parse(lines.get(at + 1))))
        .isEqualTo(fingerprint);
  }
}
