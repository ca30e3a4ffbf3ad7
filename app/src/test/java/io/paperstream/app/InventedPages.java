package io.paperstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/** Daily-papers API pages of invented papers (ids, titles, abstracts, authors all made up). */
final class InventedPages {

  private static final String[] WORDS = {"lattice", "tidal", "harbour", "sparse", "graph", "kelp", "sonar",
      "gauge", "kernel", "reef", "planner", "estuary", "dune", "glacier", "lichen", "moraine", "fjord", "delta"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private InventedPages() {}

  /**
   * Writes {@code papers} invented papers as pages of at most {@code perPage} entries into
   * {@code dir}, published over {@code days} days up to {@code lastDay}; ids are
   * {@code 2605.<first + i>}. Returns {@code dir}.
   */
  static Path write(Path dir, int first, int papers, int perPage, LocalDate lastDay, int days, long seed) {
    Random random = new Random(seed);
    try {
      Files.createDirectories(dir);
      for (int page = 0; page * perPage < papers; page++) {
        ArrayNode entries = JSON.createArrayNode();
        for (int i = page * perPage; i < Math.min(papers, (page + 1) * perPage); i++) {
          LocalDate day = lastDay.minusDays(random.nextInt(days));
          String topic = word(random) + " " + word(random);
          ObjectNode entry = entries.addObject();
          ObjectNode paper = entry.putObject("paper");
          paper.put("id", String.format("2605.%05d", first + i));
          paper.putArray("authors").addObject().put("name", "Author " + (i % 97));
          paper.put("publishedAt", day + "T12:00:00.000Z");
          paper.put("title", "Invented Study " + (first + i) + " of " + capitalize(topic) + " " + word(random));
          paper.put("summary", "We survey " + topic + " with " + word(random) + " " + word(random)
              + " methods. The " + topic + " results improve " + word(random) + " by " + random.nextInt(40) + "%.");
          paper.put("upvotes", random.nextInt(30));
          entry.put("publishedAt", day + "T08:00:00.000Z");
          entry.put("title", paper.path("title").asText());
        }
        JSON.writeValue(dir.resolve(String.format("invented-%05d-%05d.json", first, page)).toFile(), entries);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
