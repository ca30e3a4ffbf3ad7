package io.paperstream.processor.bench;

import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * N distinct, realistic raw entries for benchmarks, in invented text.
 *
 * <p>Shaped like the real API days in {@code ../shared/fixtures}: titles of about 75 characters,
 * abstracts of about 1,300 (sentences built from a few thousand invented technical phrases, so
 * keyword extraction has real work and keywords repeat across papers as real ones do), about 7
 * authors, about 10 page-supplied keywords on 40% of the API entries. Every paper has a distinct
 * arXiv id and title; 20% are seen again on a later poll with more upvotes and 5% also on a text
 * page without an id, so dedupe and identity resolution run as in a backfill. Entries come day by
 * day over {@code days} days, the later sightings a day after the first.
 */
final class BenchEntries {

  private static final String[] ONSETS = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
      "br", "cl", "dr", "gr", "pl", "st", "tr", "qu"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "eo", "ou"};
  private static final String[] CODAS = {"", "n", "r", "l", "x", "m", "nt", "st"};
  private static final String[] ADJECTIVES = {"sparse", "adaptive", "latent", "robust", "efficient", "multimodal",
      "hierarchical", "contrastive", "generative", "recurrent", "scalable", "causal", "implicit", "dense",
      "probabilistic", "neural", "temporal", "spectral", "modular", "federated"};
  private static final String[] TEMPLATES = {
      "We introduce %s, a framework for %s that builds on %s.",
      "Existing approaches to %s rely on %s, which limits %s in practice.",
      "Our method combines %s with %s and improves %s by %d%% over strong baselines.",
      "Experiments on %s show that %s outperforms %s on %d benchmarks.",
      "We further analyse how %s interacts with %s under %s.",
      "The results suggest that %s is a promising direction for %s and %s.",
      "Code and models for %s, %s and %s are released to support work on %d tasks.",
      "A theoretical analysis relates %s to %s and bounds the error of %s within %d steps."};

  private final Random random;
  private final List<String> phrases;
  private final int days;
  private final LocalDate start;

  BenchEntries(long seed, int days) {
    this.random = new Random(seed);
    this.days = days;
    this.start = LocalDate.parse("2024-05-27");
    Set<String> invented = new LinkedHashSet<>();
    while (invented.size() < 3_000) {
      String noun = word(random);
      invented.add(random.nextInt(3) == 0 ? noun : ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + noun);
    }
    this.phrases = new ArrayList<>(invented);
  }

  /** {@code count} entries: first sightings, later polls and text sightings, day by day. */
  List<RawEntry> generate(int count) {
    int papers = Math.max(1, (int) (count / 1.25));
    int perDay = Math.max(1, (papers + days - 1) / days);
    List<RawEntry> entries = new ArrayList<>(count + 100);
    List<RawEntry> nextDay = new ArrayList<>();
    int paper = 0;
    for (int day = 0; entries.size() < count; day++) {
      LocalDate date = start.plusDays(day % days);
      entries.addAll(nextDay);
      nextDay.clear();
      for (int onPage = 0; onPage < perDay && entries.size() < count; onPage++, paper++) {
        PaperText text = paperText(paper);
        RawEntry first = api(paper, text, date, onPage, 1 + random.nextInt(30), 0);
        entries.add(first);
        if (random.nextInt(5) == 0) {
          nextDay.add(api(paper, text, date, onPage, first.getUpvotes() + 1 + random.nextInt(20), 1));
        }
        if (random.nextInt(20) == 0) {
          nextDay.add(text(paper, text, date, onPage));
        }
      }
    }
    return new ArrayList<>(entries.subList(0, count));
  }

  /** {@code count} first sightings of new papers, each with a keyword no other entry has. */
  List<RawEntry> probes(int count, int firstPaper, LocalDate date) {
    List<RawEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int paper = firstPaper + i;
      PaperText text = paperText(paper);
      RawEntry entry = api(paper, text, date, i, 1, 0);
      List<String> keywords = new ArrayList<>(entry.getSourceKeywords());
      keywords.add(0, probeKeyword(paper));
      entries.add(RawEntry.newBuilder(entry).setSourceKeywords(keywords).build());
    }
    return entries;
  }

  /** The page-supplied keyword that marks probe paper {@code paper}: invented, so no other paper has it. */
  static String probeKeyword(int paper) {
    return "probe " + unique(paper);
  }

  private record PaperText(String title, String abstractText, List<String> keywords, List<String> authors) {}

  private PaperText paperText(int paper) {
    List<String> used = new ArrayList<>();
    String title = capitalize(unique(paper)) + ": " + capitalize(phrase(used)) + " for " + phrase(used) + " with "
        + phrase(used);
    StringBuilder abstractText = new StringBuilder();
    int target = 900 + random.nextInt(900);
    while (abstractText.length() < target) {
      String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
      abstractText.append(String.format(Locale.ROOT, template, phrase(used), phrase(used), phrase(used),
          2 + random.nextInt(40))).append(' ');
    }
    List<String> keywords = new ArrayList<>(new LinkedHashSet<>(used)).subList(0, Math.min(10, used.size()));
    List<String> authors = new ArrayList<>();
    for (int i = 2 + random.nextInt(10); i > 0; i--) {
      authors.add(capitalize(word(random)) + " " + capitalize(word(random)));
    }
    return new PaperText(title, abstractText.toString().trim(), List.copyOf(keywords), authors);
  }

  private RawEntry api(int paper, PaperText text, LocalDate date, int position, int upvotes, int poll) {
    String source = "https://bench.example/api/daily_papers?date=" + date + (poll == 0 ? "" : "&poll=" + poll);
    return RawEntry.newBuilder()
        .setSource(source)
        .setSourceKind(SourceKind.API_JSON)
        .setFetchedAt(Instant.parse(date + "T08:00:00Z").plusSeconds(86_400L * poll))
        .setPageDate(date)
        .setPosition(position)
        .setPageFingerprint("bench-" + date + "-" + poll)
        .setTitle(text.title())
        .setAbstract$(text.abstractText())
        .setAuthors(text.authors())
        .setPublishedAt(Instant.parse(date.minusDays(1) + "T00:00:00Z"))
        .setFeaturedDate(date)
        .setUpvotes(upvotes)
        .setComments(random.nextInt(4))
        .setArxivId(arxivId(paper, date))
        .setSourceKeywords(paper % 5 < 2 ? text.keywords() : List.of())
        .build();
  }

  private RawEntry text(int paper, PaperText text, LocalDate date, int position) {
    LocalDate pageDate = date.plusDays(1);
    return RawEntry.newBuilder()
        .setSource("file:///bench/search-" + pageDate + ".txt")
        .setSourceKind(SourceKind.TEXT)
        .setFetchedAt(Instant.parse(pageDate + "T09:00:00Z"))
        .setPageDate(pageDate)
        .setPosition(position)
        .setPageFingerprint("bench-text-" + pageDate)
        .setTitle(text.title())
        .setAbstract$(text.abstractText())
        .setAuthorCount(text.authors().size())
        .setDateText(date.minusDays(1).getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
            + date.minusDays(1).getDayOfMonth())
        .build();
  }

  /** A valid, distinct arXiv id: the month of the date and a sequence number within it. */
  private String arxivId(int paper, LocalDate date) {
    return String.format(Locale.ROOT, "%02d%02d.%05d", date.getYear() % 100, date.getMonthValue(),
        Math.floorMod(paper, 100_000));
  }

  /** Phrases drawn with a skew, so some recur on many papers (they trend) and most are rare. */
  private String phrase(List<String> used) {
    double u = random.nextDouble();
    String phrase = phrases.get((int) (phrases.size() * u * u * u));
    used.add(phrase);
    return phrase;
  }

  /** A pronounceable word that encodes {@code n}: distinct for distinct n, so titles are distinct. */
  private static String unique(int n) {
    StringBuilder word = new StringBuilder();
    int rest = n;
    do {
      word.append(ONSETS[rest % ONSETS.length]).append(VOWELS[(rest / ONSETS.length) % VOWELS.length]);
      rest /= ONSETS.length * VOWELS.length;
    } while (rest > 0);
    return word.append("q").toString();
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    for (int syllables = 2 + random.nextInt(2); syllables > 0; syllables--) {
      word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
    }
    return word.append(CODAS[random.nextInt(CODAS.length)]).toString();
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
