package io.paperstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * An invented daily-papers API page for related papers and emerging keywords, with the keywords
 * each paper supplies itself (so the processor keeps them as given):
 *
 * <ul>
 *   <li>70 background papers, one a day up to {@link #LAST_DAY}, each with the generic
 *       {@link #GENERIC} and one of 10 background keywords (7 papers each);
 *   <li>{@link #PAPER} with four specific keywords and the generic one; {@link #CLOSEST} shares
 *       two specific ones; six more share one each; {@link #GENERIC_ONLY} shares only the generic one;
 *   <li>{@link #NEW_TOPIC}, never seen before, in 6 papers of the last 5 days.
 * </ul>
 */
final class DiscoveryPages {

  static final LocalDate LAST_DAY = LocalDate.parse("2026-03-20");
  static final String GENERIC = "ocean model";
  static final String PAPER = "2603.01001";
  static final String CLOSEST = "2603.01002";
  static final List<String> SHARING_ONE = List.of("2603.01003", "2603.01004", "2603.01005", "2603.01006",
      "2603.01007", "2603.01008");
  static final String GENERIC_ONLY = "2603.01009";
  static final String NEW_TOPIC = "coral spawning forecast";
  static final String AUTHOR = "Mira Okafor";
  static final List<String> SPECIFIC = List.of("seagrass carbon ledger", "sonar reef census",
      "kelp holdfast strength", "estuary salt wedge");
  private static final List<String> BACKGROUND = List.of("tide gauge", "sea ice", "wave energy", "dune migration",
      "glacier melt", "lichen growth", "fjord current", "delta sediment", "moraine dating", "plankton bloom");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiscoveryPages() {}

  /** Writes the page into {@code dir}; returns {@code dir}. */
  static Path write(Path dir) {
    ArrayNode entries = JSON.createArrayNode();
    for (int i = 0; i < 70; i++) {
      add(entries, String.format("2603.%05d", 2000 + i), "Background Survey " + i + " of " + BACKGROUND.get(i % 10),
          LAST_DAY.minusDays(i), "Ines Varga", GENERIC, BACKGROUND.get(i % 10));
    }
    LocalDate clusterDay = LAST_DAY.minusDays(30);
    add(entries, PAPER, "Seagrass Ledgers, Reef Censuses, Holdfasts and Salt Wedges", clusterDay, AUTHOR,
        SPECIFIC.get(0), SPECIFIC.get(1), SPECIFIC.get(2), SPECIFIC.get(3), GENERIC);
    add(entries, CLOSEST, "Seagrass Ledgers Meet Sonar Reef Censuses", clusterDay.plusDays(1), AUTHOR,
        SPECIFIC.get(0), SPECIFIC.get(1), GENERIC);
    for (int i = 0; i < SHARING_ONE.size(); i++) {
      String keyword = SPECIFIC.get(i == 0 ? 0 : i == 1 ? 1 : i < 4 ? 2 : 3);
      add(entries, SHARING_ONE.get(i), "A Study Number " + i + " of " + keyword, clusterDay.plusDays(2 + i),
          "Tomas Ek", keyword);
    }
    add(entries, GENERIC_ONLY, "Only an Ocean Model of Tide Gauges", clusterDay, AUTHOR, GENERIC, "tide gauge");
    for (int i = 0; i < 6; i++) {
      add(entries, String.format("2603.%05d", 3000 + i), "Forecasting Coral Spawning, Part " + (i + 1),
          LAST_DAY.minusDays(i % 5), "Lea Brandt", NEW_TOPIC);
    }
    try {
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve("discovery-2026-03-20.json").toFile(), entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static void add(ArrayNode entries, String id, String title, LocalDate day, String author,
      String... keywords) {
    ObjectNode entry = entries.addObject();
    ObjectNode paper = entry.putObject("paper");
    paper.put("id", id);
    paper.putArray("authors").addObject().put("name", author);
    paper.put("publishedAt", day + "T12:00:00.000Z");
    paper.put("title", title);
    paper.put("summary", "An invented abstract about " + String.join(", ", keywords) + ".");
    paper.put("upvotes", 1);
    ArrayNode supplied = paper.putArray("ai_keywords");
    for (String keyword : keywords) {
      supplied.add(keyword);
    }
    entry.put("publishedAt", day + "T08:00:00.000Z");
    entry.put("title", title);
  }
}
