package io.paperstream.processor.app;

import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invented raw entries in bulk, shaped like real digests: API sightings with ids, text
 * sightings of the same papers without ids (before and after), and re-polls with new upvotes.
 */
final class SyntheticEntries {

  private static final String[] WORDS = {"lattice", "tidal", "gradient", "harbour", "sparse", "graph",
      "transformer", "diffusion", "cribbage", "solver", "gauge", "kernel", "agent", "reward", "vision",
      "language", "retrieval", "compression", "quantum", "robot", "planner", "memory", "token", "speech"};

  private SyntheticEntries() {}

  static List<RawEntry> generate(int papers, long seed) {
    Random random = new Random(seed);
    List<RawEntry> entries = new ArrayList<>();
    LocalDate start = LocalDate.parse("2026-01-01");
    for (int i = 0; i < papers; i++) {
      String title = "Study " + i + ": " + capitalize(word(random)) + " " + word(random) + " for " + word(random) + " "
          + word(random);
      String abstractText = "We study " + word(random) + " " + word(random) + " with " + word(random) + " "
          + word(random) + " models. Our " + word(random) + " " + word(random) + " approach improves "
          + word(random) + " by " + random.nextInt(40) + "%.";
      LocalDate day = start.plusDays(random.nextInt(60));
      String arxivId = String.format("26%02d.%05d", 1 + day.getMonthValue() % 12, i);
      int upvotes = random.nextInt(50);
      entries.add(api(i, arxivId, title, abstractText, day, upvotes, "https://example.org/api/daily_papers?date=" + day));
      if (random.nextInt(4) == 0) {
        entries.add(text(i, title, abstractText, day, "file:///synthetic/search-" + (i % 7) + ".txt"));
      }
      if (random.nextInt(3) == 0) {
        entries.add(api(i, arxivId, title, abstractText, day, upvotes + 1 + random.nextInt(9),
            "https://example.org/api/daily_papers?date=" + day));
      }
    }
    // shuffle so that text sightings come before and after the API ones
    java.util.Collections.shuffle(entries, random);
    return entries;
  }

  private static RawEntry api(int i, String arxivId, String title, String abstractText, LocalDate day, int upvotes,
      String source) {
    return RawEntry.newBuilder()
        .setSource(source)
        .setSourceKind(SourceKind.API_JSON)
        .setFetchedAt(Instant.parse(day + "T08:00:00Z").plusSeconds(upvotes))
        .setPageDate(day)
        .setPosition(i % 50)
        .setPageFingerprint("synthetic-" + day + "-" + upvotes)
        .setTitle(title)
        .setAbstract$(abstractText)
        .setAuthors(List.of("Ada Mirel", "Bo Tanaka"))
        .setPublishedAt(Instant.parse(day + "T00:00:00Z"))
        .setFeaturedDate(day)
        .setUpvotes(upvotes)
        .setArxivId(arxivId)
        .build();
  }

  private static RawEntry text(int i, String title, String abstractText, LocalDate day, String source) {
    return RawEntry.newBuilder()
        .setSource(source)
        .setSourceKind(SourceKind.TEXT)
        .setFetchedAt(Instant.parse("2026-03-15T08:00:00Z"))
        .setPageDate(LocalDate.parse("2026-03-15"))
        .setPosition(i % 100)
        .setPageFingerprint("synthetic-text-" + source)
        .setTitle(title)
        .setAbstract$(abstractText)
        .setAuthorCount(2)
        .setDateText(day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
            + day.getDayOfMonth())
        .build();
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
