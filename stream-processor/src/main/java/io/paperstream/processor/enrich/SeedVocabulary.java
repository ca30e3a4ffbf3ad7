package io.paperstream.processor.enrich;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The keyphrase vocabulary shipped in the jar: the counts of canonical phrases over the labeled
 * learning days (the days the ranker's model learns from), so that a fresh processor ranks with
 * the vocabulary trees from its first paper. Derived data only: phrases and counts, no text.
 *
 * <p>Stored as gzip'd UTF-8 lines: {@code #} comments, then {@code papers <TAB> first day <TAB>
 * last day} of the teaching papers, then one {@code phrase <TAB> chosen <TAB> seen} per phrase,
 * in phrase order ({@code papers train-keywords} writes it with the model).
 */
public final class SeedVocabulary implements KeyphraseVocabulary {

  /** The resource's file name, in the jar and where {@code papers train-keywords} writes it. */
  public static final String FILE = "keyphrase-seed-v1.tsv.gz";

  static final String RESOURCE = "/io/paperstream/processor/enrich/" + FILE;

  private static final Counts NONE = new Counts(0, 0);

  private final Map<String, Counts> counts;
  private final long papers;
  private final LocalDate firstDay;
  private final LocalDate lastDay;

  private SeedVocabulary(Map<String, Counts> counts, long papers, LocalDate firstDay, LocalDate lastDay) {
    this.counts = counts;
    this.papers = papers;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
  }

  /**
   * A seed from counts over {@code papers} teaching papers listed {@code firstDay} … {@code lastDay},
   * without the phrases no paper chose that fewer than {@code minSeen} papers offered.
   */
  public static SeedVocabulary of(Map<String, Long> chosen, Map<String, Long> seen, long papers,
      LocalDate firstDay, LocalDate lastDay, int minSeen) {
    Map<String, Counts> counts = new HashMap<>();
    chosen.forEach((phrase, n) -> counts.put(phrase, new Counts(n, seen.getOrDefault(phrase, 0L))));
    seen.forEach((phrase, n) -> {
      if (n >= minSeen && !counts.containsKey(phrase)) {
        counts.put(phrase, new Counts(0, n));
      }
    });
    return new SeedVocabulary(counts, papers, firstDay, lastDay);
  }

  /** The seed in the jar, read once per process. */
  public static SeedVocabulary shipped() {
    return Shipped.SEED;
  }

  /** Reads a seed as {@link #write} wrote it (gzip'd). */
  public static SeedVocabulary read(InputStream gzipped) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
    String header = in.readLine();
    int lineNumber = 1;
    while (header != null && header.startsWith("#")) {
      header = in.readLine();
      lineNumber++;
    }
    if (header == null) {
      throw new IOException("the keyphrase seed vocabulary is empty: no 'papers, first day, last day' line");
    }
    String[] head = fields(header, lineNumber);
    Map<String, Counts> counts = new HashMap<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      String[] f = fields(line, lineNumber);
      counts.put(f[0], new Counts(number(f[1], lineNumber), number(f[2], lineNumber)));
    }
    return new SeedVocabulary(counts, number(head[0], 1), LocalDate.parse(head[1]), LocalDate.parse(head[2]));
  }

  /** Writes the seed, gzip'd, phrases in order (the same seed writes the same bytes). */
  public void write(OutputStream out, String comment) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    Writer w = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
    w.write("# " + comment.replace('\n', ' ') + "\n");
    w.write(papers + "\t" + firstDay + "\t" + lastDay + "\n");
    for (Map.Entry<String, Counts> e : new TreeMap<>(counts).entrySet()) {
      w.write(e.getKey() + "\t" + e.getValue().chosen() + "\t" + e.getValue().seen() + "\n");
    }
    w.flush();
    gzip.finish();
  }

  @Override
  public long papers() {
    return papers;
  }

  @Override
  public long papersWith(String canonicalPhrase) {
    return counts(canonicalPhrase).chosen();
  }

  @Override
  public long papersSeen(String canonicalPhrase) {
    return counts(canonicalPhrase).seen();
  }

  /** One hash probe, no allocation: the ranker asks this of every candidate. */
  @Override
  public Counts counts(String canonicalPhrase) {
    return counts.getOrDefault(canonicalPhrase, NONE);
  }

  /** Phrases the seed holds. */
  public int phrases() {
    return counts.size();
  }

  /** The first day of the papers the seed learned from. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** The last day of the papers the seed learned from: days after it are out of sample. */
  public LocalDate lastDay() {
    return lastDay;
  }

  private static String[] fields(String line, int lineNumber) throws IOException {
    String[] f = line.split("\t", -1);
    if (f.length != 3) {
      throw new IOException("the keyphrase seed vocabulary, line " + lineNumber + ": expected 3 tab-separated "
          + "fields, found " + f.length);
    }
    return f;
  }

  private static long number(String field, int lineNumber) throws IOException {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      throw new IOException("the keyphrase seed vocabulary, line " + lineNumber + ": '" + field + "' is not a count", e);
    }
  }

  /** Loaded on first use, once per process (the holder idiom: no lock after the first read). */
  private static final class Shipped {
    static final SeedVocabulary SEED =
        JarResource.read(SeedVocabulary.class, RESOURCE, "the keyphrase seed vocabulary", SeedVocabulary::read);
  }
}
