package io.paperstream.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every version of every schema paperstream has ever published, read from {@code avro-history/}
 * on the classpath.
 *
 * <p>Records on a topic outlive the code that wrote them. The single-object encoding names the
 * writer's schema only by fingerprint, so a reader must know every version that was ever
 * written to resolve old records; this class is that knowledge.
 */
public final class PublishedSchemas {

  private static final String ROOT = "avro-history/";

  private final Map<String, List<Schema>> versionsByName;

  private PublishedSchemas(Map<String, List<Schema>> versionsByName) {
    this.versionsByName = versionsByName;
  }

  /** Loads the history shipped in this module's jar. */
  public static PublishedSchemas load() {
    Map<String, List<Schema>> versions = new LinkedHashMap<>();
    for (String path : readIndex()) {
      Schema schema = parse(ROOT + path);
      versions.computeIfAbsent(schema.getFullName(), n -> new ArrayList<>()).add(schema);
    }
    versions.replaceAll((name, list) -> List.copyOf(list));
    return new PublishedSchemas(Collections.unmodifiableMap(versions));
  }

  /** The published versions of one record, oldest first; empty when it was never published. */
  public List<Schema> versions(String fullName) {
    return versionsByName.getOrDefault(fullName, List.of());
  }

  public Map<String, List<Schema>> all() {
    return versionsByName;
  }

  /** A store that resolves the fingerprint of every published version, plus any extra schemas. */
  public SchemaStore.Cache store(Schema... extra) {
    SchemaStore.Cache store = new SchemaStore.Cache();
    versionsByName.values().forEach(list -> list.forEach(store::addSchema));
    for (Schema schema : extra) {
      store.addSchema(schema);
    }
    return store;
  }

  private static List<String> readIndex() {
    try (InputStream in = open(ROOT + "index.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema history index", e);
    }
  }

  private static Schema parse(String resource) {
    try (InputStream in = open(resource)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read published schema " + resource, e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = PublishedSchemas.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("published schema resource missing from the classpath: " + resource);
    }
    return in;
  }
}
