package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.kafka.testing.EmbeddedKafkaExtension;
import io.paperstream.kafka.testing.TopicContents;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.testing.RegistryApi;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serde.format=registry} end to end, against a real schema registry and a real broker: the
 * feed's producer and the processor write the registry wire format, a plain consumer that knows
 * only the registry's URL decodes it, and paperstream's own readers ({@code papers export}) read
 * it too. Each subclass starts one registry for its class, in its own way.
 */
abstract class RegistryModePipelineChecks {

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @TempDir Path dir;

  private final ObjectMapper mapper = new ObjectMapper();

  /** The base URL of the registry's Confluent-compatible API. */
  abstract String registryUrl();

  @Test
  void producerAndProcessorWriteRecordsThatAPlainRegistryConsumerDecodes() throws Exception {
    // given registry mode, configured in the file only
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Path config = config(suffix, registryUrl());
    Path out = dir.resolve("out");

    // when the whole pipeline runs once over two pages and exports its topics
    PapersRun run = PapersRun.of("run", "--once", resource("pages").toString(), "--export", out.toString(),
        "--config", config.toString());
    assertThat(run.exit()).as(run.err()).isZero();

    // then each published topic's value schema is registered under <topic>-value, with the level
    List<String> subjects = List.of("raw-entries-" + suffix + "-value", "papers-" + suffix + "-value",
        "keyword-daily-counts-" + suffix + "-value", "keyword-trends-" + suffix + "-value");
    assertThat(stringsOf(get("/subjects"))).containsAll(subjects)
        .noneMatch(subject -> subject.startsWith("sightings-" + suffix));
    for (String subject : subjects) {
      assertThat(get("/config/" + subject).path("compatibilityLevel").asText()).as(subject).isEqualTo("FULL_TRANSITIVE");
    }

    // and a plain consumer, decoding each value by the schema id it carries, reads what the export holds
    Map<String, GenericRecord> papers = latestDecoded("papers-" + suffix);
    Map<String, JsonNode> exported = ExportedTable.read(out.resolve("papers.jsonl"));
    assertThat(papers).isNotEmpty().hasSameSizeAs(exported);
    exported.forEach((id, paper) -> {
      assertThat(papers.get(id).get("title")).as(id).hasToString(paper.get("title").asText());
      assertThat(papers.get(id).get("keywords").toString()).as(id)
          .isEqualTo(mapper.convertValue(paper.get("keywords"), List.class).toString());
    });
    Map<String, GenericRecord> counts = latestDecoded("keyword-daily-counts-" + suffix);
    Map<String, JsonNode> exportedCounts = ExportedTable.read(out.resolve("keyword-daily-counts.jsonl"));
    assertThat(counts).isNotEmpty().hasSameSizeAs(exportedCounts);
    exportedCounts.forEach((key, count) ->
        assertThat((Long) counts.get(key).get("count")).as(key).isEqualTo(count.get("count").asLong()));

    // and paperstream's own consumer reads the registry-framed topic as well
    PapersRun export = PapersRun.of("export", "papers", "--config", config.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.out().lines()).hasSameSizeAs(exported.keySet());

    // and papers schemas names the subject the papers schema was registered under
    PapersRun schemas = PapersRun.of("schemas", "--config", config.toString());
    assertThat(schemas.out().lines()).anyMatch(line -> line.startsWith("papers-" + suffix + "\tpapers-" + suffix
        + "-value\tio.paperstream.schemas.Paper\t"));
  }

  @Test
  void anUnreachableRegistryStopsTheProducerInOneLineNamingIt() throws Exception {
    // given registry mode with a registry URL nothing answers on
    String url = RegistryApi.unreachableUrl();
    Path config = config(UUID.randomUUID().toString().substring(0, 8), url);

    // when pages are ingested
    PapersRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> PapersRun.of("ingest", resource("pages").toString(), "--config", config.toString()));

    // then the command stops with one line that names the registry, rather than dead-lettering the entries
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    List<String> lines = run.err().lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).as(run.err()).hasSize(1);
    assertThat(lines.get(0)).startsWith("papers ingest: ").contains("schema registry " + url + ": cannot connect");
  }

  /** The latest value per key, decoded with nothing but the registry's schema-by-id answers. */
  private Map<String, GenericRecord> latestDecoded(String topic) throws Exception {
    Map<Integer, Schema> writers = new HashMap<>();
    Map<String, GenericRecord> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record :
        TopicContents.readAll(KAFKA.bootstrapServers(), new Topic<>(topic, Serdes.String(), Serdes.ByteArray()))) {
      byte[] value = record.value();
      if (value == null) {
        latest.remove(record.key());
        continue;
      }
      assertThat(value[0]).as("magic byte").isZero();
      int id = ByteBuffer.wrap(value, 1, 4).getInt();
      Schema writer = writers.computeIfAbsent(id, this::schemaById);
      latest.put(record.key(), new GenericDatumReader<GenericRecord>(writer)
          .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null)));
    }
    return latest;
  }

  private Schema schemaById(int id) {
    try {
      return new Schema.Parser().parse(get("/schemas/ids/" + id).path("schema").asText());
    } catch (Exception e) {
      throw new AssertionError("schema " + id + ": " + e, e);
    }
  }

  private JsonNode get(String path) throws Exception {
    return RegistryApi.get(registryUrl(), path);
  }

  private static List<String> stringsOf(JsonNode array) {
    List<String> strings = new java.util.ArrayList<>();
    array.forEach(node -> strings.add(node.asText()));
    return strings;
  }

  private Path config(String suffix, String registryUrl) throws IOException {
    StringBuilder settings = new StringBuilder()
        .append("bootstrap.servers=").append(KAFKA.bootstrapServers()).append('\n')
        .append("serde.format=registry\n")
        .append("schema.registry.url=").append(registryUrl).append('\n')
        .append("schema.registry.compatibility=FULL_TRANSITIVE\n")
        .append("schema.registry.timeout=3s\n")
        .append("processor.application-id=registry-").append(suffix).append('\n')
        .append("processor.state-dir=").append(dir.resolve("state")).append('\n')
        .append("processor.trend-emit-interval-ms=200\nprocessor.trend-min-support=1\nhttp.port=0\n");
    for (String logical : List.of("raw-entries", "raw-dead-letters", "papers", "keyword-daily-counts", "keyword-trends",
        "processing-dead-letters", "sightings", "fetch-log", "ingest-log")) {
      settings.append("topics.").append(logical).append('=').append(logical).append('-').append(suffix).append('\n');
    }
    Path file = dir.resolve("paperstream-" + suffix + ".properties");
    Files.writeString(file, settings);
    return file;
  }

  private static Path resource(String folder) throws URISyntaxException {
    return Path.of(RegistryModePipelineChecks.class.getClassLoader().getResource(folder).toURI());
  }
}
