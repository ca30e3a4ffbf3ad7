package io.paperstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An invented daily-papers API page for search and listings: papers that share words (so only a
 * whole title tells them apart), known authors, upvotes and featured days in two weeks and two
 * months of 2026.
 */
final class ListingPages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ListingPages() {}

  /** Writes the page into {@code dir}; returns {@code dir}. */
  static Path write(Path dir) {
    ArrayNode entries = JSON.createArrayNode();
    entry(entries, "2604.00001", "Sonar Mapping of Glacier Fjords", "We map glacier fjords with sonar sweeps.",
        "2026-03-16", "2026-03-17", 5, "Ines Marlow", "Tomas Brek");
    entry(entries, "2604.00002", "Glacier Fjords", "A survey of fjords carved by glaciers.", "2026-03-15", "2026-03-17",
        40, "ines  MARLOW");
    entry(entries, "2604.00003", "Fjord Sediment Cores by Sonar", "Sediment cores dated with sonar profiles.",
        "2026-03-17", "2026-03-18", 40, "Olu Bade");
    entry(entries, "2604.00004", "Moraine Dating with Lichens", "Lichens date moraines left by glaciers.",
        "2026-03-01", "2026-03-02", 12, "Olu Bade");
    entry(entries, "2604.00005", "Dune Migration Seen from Orbit", "Dunes move; satellites watch them.",
        "2026-02-26", "2026-02-27", 99, "Tomas Brek");
    try {
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve("listing-papers.json").toFile(), entries);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entry(ArrayNode entries, String id, String title, String summary, String published,
      String featured, int upvotes, String... authors) {
    ObjectNode entry = entries.addObject();
    ObjectNode paper = entry.putObject("paper");
    paper.put("id", id);
    ArrayNode names = paper.putArray("authors");
    for (String author : authors) {
      names.addObject().put("name", author);
    }
    paper.put("publishedAt", published + "T17:00:00.000Z");
    paper.put("title", title);
    paper.put("summary", summary);
    paper.put("upvotes", upvotes);
    entry.put("publishedAt", featured + "T08:00:00.000Z");
    entry.put("title", title);
  }
}
