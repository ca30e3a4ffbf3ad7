package io.paperstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table topic as {@code papers run --export} wrote it: the value of each key, one JSON line per record. */
final class ExportedTable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportedTable() {}

  static Map<String, JsonNode> read(Path file) throws IOException {
    Map<String, JsonNode> table = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode record = JSON.readTree(line);
      table.put(record.get("key").asText(), record.get("value"));
    }
    return table;
  }
}
