package io.paperstream.ingest.bench;

import java.util.Locale;
import java.util.Random;

/**
 * One day's digest with invented papers, in the three forms the splitter reads, shaped like the
 * real pages (field set of the 2026 API schema, lengths of real titles, abstracts and author
 * lists), so that the splitter benchmark measures realistic bytes without copying any real text.
 */
final class InventedDigest {

  private static final String[] WORDS = {
      "lattice", "tidal", "gradient", "harbour", "orchard", "swarm", "glacier", "token", "kernel", "copper",
      "lantern", "attention", "moss", "diffusion", "sparse", "quiet", "signal", "model", "benchmark", "agent",
      "reasoning", "retrieval", "vision", "language", "policy", "reward", "scaling", "memory", "graph", "audio"};
  private static final String[] NAMES = {"Ada", "Bo", "Chen", "Dara", "Emre", "Fatou", "Goran", "Hana", "Ines", "Jun"};
  private static final String[] SURNAMES = {"Example", "Placeholder", "Okafor", "Lindgren", "Sato", "Moreau", "Quispe"};

  private final Random random;
  private final int entries;

  InventedDigest(long seed, int entries) {
    this.random = new Random(seed);
    this.entries = entries;
  }

  /** {@code /api/daily_papers} answer: a compact JSON array as the site serves it. */
  String apiJson() {
    StringBuilder json = new StringBuilder(entries * 4096).append('[');
    for (int i = 0; i < entries; i++) {
      json.append(i == 0 ? "" : ",").append(entry(i));
    }
    return json.append(']').toString();
  }

  /** A listing page: chrome, the DailyPapers island (entity-encoded props) and one card per paper. */
  String html(String apiJson) {
    StringBuilder page = new StringBuilder(apiJson.length() * 2);
    page.append("<!doctype html>\n<html class=\"\"><head><meta charset=\"utf-8\"><title>Daily Papers</title>")
        .append("<link rel=\"stylesheet\" href=\"/front/build/style.css\"></head><body class=\"flex flex-col\">\n")
        .append("<div class=\"SVELTE_HYDRATER contents\" data-target=\"MainHeader\" data-props=\"{&quot;isWide&quot;:true}\">")
        .append("<header class=\"border-b\"><nav>").append("<a href=\"/models\">Models</a>".repeat(6)).append("</nav></header></div>\n")
        .append("<main><div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\"")
        .append(("{\"date\":\"2026-06-12\",\"dailyPapers\":" + apiJson + ",\"prevDate\":\"2026-06-11\"}")
            .replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
        .append("\"><section class=\"container grid\">\n");
    for (int i = 0; i < entries; i++) {
      page.append("<article class=\"relative flex flex-col overflow-hidden rounded-xl border\">")
          .append("<a href=\"/papers/2606.").append(10000 + i).append("\"><img src=\"/thumb.png\" alt=\"\"></a>")
          .append("<div class=\"px-2 pb-2\"><div class=\"flex\"><div class=\"leading-none\">").append(i % 90)
          .append("</div></div><h3 class=\"mb-1 text-lg\"><a href=\"/papers/2606.").append(10000 + i).append("\">")
          .append(title(i)).append("</a></h3><ul class=\"flex\"><li>· ").append(3 + i % 12)
          .append(" authors</li></ul></div></article>\n");
    }
    return page.append("</section></div></main><footer></footer></body></html>\n").toString();
  }

  /** "Select all, copy" of the listing page. */
  String text() {
    StringBuilder page = new StringBuilder(entries * 2048);
    page.append("new\nGet trending papers in your email inbox!\nSubscribe\nDaily Papers\n")
        .append("byAK and the research community\nJun 12\n\n");
    for (int i = 0; i < entries; i++) {
      page.append(title(i)).append("\n\n").append(sentences(i, 9)).append("\n\n  • ").append(3 + i % 12)
          .append(" authors\n·\nJun ").append(1 + i % 11).append(", 2026").append(i % 3 == 0 ? " " + i : "").append("\n\n");
    }
    return page.toString();
  }

  private String entry(int i) {
    String id = "2606." + (10000 + i);
    StringBuilder authors = new StringBuilder();
    int count = 3 + i % 12;
    for (int a = 0; a < count; a++) {
      authors.append(a == 0 ? "" : ",").append("{\"_id\":\"").append(hex(24)).append("\",\"name\":\"")
          .append(NAMES[random.nextInt(NAMES.length)]).append(' ').append(SURNAMES[random.nextInt(SURNAMES.length)])
          .append("\",\"hidden\":false")
          .append(a % 3 == 0 ? ",\"user\":{\"_id\":\"" + hex(24) + "\",\"avatarUrl\":\"/avatars/" + hex(32)
              + ".svg\",\"isPro\":false,\"fullname\":\"Invented Person\",\"user\":\"inv" + a + "\",\"type\":\"user\"}" : "")
          .append('}');
    }
    StringBuilder keywords = new StringBuilder();
    for (int k = 0; k < 10; k++) {
      keywords.append(k == 0 ? "" : ",").append('"').append(word()).append(' ').append(word()).append('"');
    }
    String title = title(i);
    String summary = sentences(i, 9);
    return "{\"paper\":{\"id\":\"" + id + "\",\"authors\":[" + authors + "],\"mediaUrls\":[\"https://cdn.example.org/"
        + hex(16) + ".png\"],\"publishedAt\":\"2026-06-10T17:59:58.000Z\",\"submittedOnDailyAt\":\"2026-06-12T00:41:22.201Z\","
        + "\"title\":\"" + title + "\",\"summary\":\"" + summary + "\",\"upvotes\":" + (i * 7 % 90)
        + ",\"discussionId\":\"" + hex(24) + "\",\"projectPage\":\"https://example.org/" + word() + "\",\"githubRepo\":"
        + "\"https://github.com/example/" + word() + "\",\"ai_summary\":\"" + sentences(i + 1, 2) + "\",\"ai_keywords\":["
        + keywords + "],\"githubStars\":" + (i * 13 % 400) + "},\"publishedAt\":\"2026-06-12T00:41:22.201Z\","
        + "\"title\":\"" + title + "\",\"summary\":\"" + summary + "\",\"mediaUrls\":[],\"thumbnail\":"
        + "\"https://cdn.example.org/thumbnails/" + id + ".png\",\"numComments\":" + (i % 4) + ",\"submittedBy\":{\"_id\":\""
        + hex(24) + "\",\"avatarUrl\":\"/avatars/" + hex(32) + ".svg\",\"fullname\":\"Invented Submitter\",\"name\":\"inv\","
        + "\"type\":\"user\",\"isPro\":false},\"organization\":{\"_id\":\"" + hex(24) + "\",\"name\":\"example-lab\","
        + "\"fullname\":\"Example Lab\"},\"isAuthorParticipating\":false}";
  }

  private String title(int i) {
    return capitalized(word()) + " " + capitalized(word()) + ": " + capitalized(word()) + " " + word() + " for "
        + word() + " " + word() + " " + word() + " (" + i + ")";
  }

  private String sentences(int seed, int count) {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < count; s++) {
      text.append(s == 0 ? "" : " ").append(capitalized(word()));
      int words = 14 + random.nextInt(12);
      for (int w = 0; w < words; w++) {
        text.append(' ').append(word());
      }
      text.append(s % 4 == 3 ? ", reaching " + (seed % 97) + "\\\\% over the baseline." : ".");
    }
    return text.toString();
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String capitalized(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private String hex(int length) {
    StringBuilder hex = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    return hex.toString();
  }
}
