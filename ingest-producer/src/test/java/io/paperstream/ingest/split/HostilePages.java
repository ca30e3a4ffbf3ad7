package io.paperstream.ingest.split;

import java.util.ArrayList;
import java.util.List;

/** Invented API entries and pages built from them, for hostile-input tests. */
final class HostilePages {

  private HostilePages() {}

  /** One API entry with an invented title and abstract; {@code title} null gives a generated one. */
  static String apiEntry(int i, String title) {
    String t = title != null ? title : "Tidal Lattice Study " + i;
    return "{\"paper\":{\"id\":\"2501." + (10000 + i) + "\",\"title\":\"" + t + "\",\"summary\":\"We study harbour "
        + i + ". It is invented.\",\"authors\":[{\"name\":\"A. Writer\"},{\"name\":\"B. Writer\"}],\"upvotes\":" + i
        + "},\"publishedAt\":\"2025-01-10T04:00:00.000Z\",\"numComments\":1}";
  }

  static List<String> apiEntries(int count) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(apiEntry(i, null));
    }
    return entries;
  }

  static String apiPage(List<String> entries) {
    return "[" + String.join(",\n", entries) + "]";
  }

  /** A listing page whose DailyPapers island holds {@code entries} (entity-encoded, as the site does). */
  static String htmlPage(List<String> entries) {
    String props = "{\"date\":\"2025-01-10\",\"dailyPapers\":" + apiPage(entries) + "}";
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Daily Papers</title></head><body>\n"
        + "<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\""
        + props.replace("&", "&amp;").replace("\"", "&quot;") + "\"></div>\n</body></html>\n";
  }

  /** A text rendering: header, then title / abstract / metadata blocks. */
  static String textPage(List<String> titles) {
    StringBuilder page = new StringBuilder("new\nGet trending papers in your email inbox!\nSubscribe\nDaily Papers\n"
        + "byAK and the research community\nJan 10\n\n");
    for (int i = 0; i < titles.size(); i++) {
      page.append(titles.get(i)).append("\n\n")
          .append("We present an invented method for harbour number ").append(i)
          .append(" that models tides with lattices. Experiments on twelve invented harbours show that it works well.")
          .append("\n\n  • 3 authors\n·\nJan 9, 2025\n\n");
    }
    return page.toString();
  }

  static List<String> titles(int count) {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      titles.add("Tidal Lattice Study " + i);
    }
    return titles;
  }
}
