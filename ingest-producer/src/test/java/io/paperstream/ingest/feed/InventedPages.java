package io.paperstream.ingest.feed;

import java.time.LocalDate;
import java.util.Locale;

/** Daily API listings with invented papers: titles, abstracts and ids made up for the tests. */
final class InventedPages {

  private static final String[] TOPICS = {
      "Tidal Lattices", "Quiet Gradients", "Orchard Swarms", "Glacier Tokenizers", "Harbour Graphs",
      "Lantern Attention", "Moss Diffusion", "Copper Kernels"};

  private InventedPages() {}

  /** {@code count} invented entries featured on {@code day}; {@code edition} varies the upvotes. */
  static String apiDay(LocalDate day, int count, int edition) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      String id = String.format(Locale.ROOT, "%02d%02d.%05d", day.getYear() % 100, day.getMonthValue(),
          day.getDayOfMonth() * 100 + i);
      String title = TOPICS[(day.getDayOfMonth() + i) % TOPICS.length] + " for Invented Study " + day + " No. " + i;
      json.append("""
          {"paper":{"id":"%s","authors":[{"name":"Ada Example"},{"name":"Bo Placeholder"}],
          "publishedAt":"%sT09:00:00.000Z","title":"%s",
          "summary":"An invented abstract about %s, written for paperstream's feed tests.",
          "upvotes":%d},"publishedAt":"%sT12:00:00.000Z","title":"%s","numComments":%d}"""
          .formatted(id, day, title, title.toLowerCase(Locale.ROOT), 3 * i + edition, day, title, i));
    }
    return json.append(']').toString();
  }

  static String apiPath(LocalDate day) {
    return "/api/daily_papers?date=" + day;
  }
}
