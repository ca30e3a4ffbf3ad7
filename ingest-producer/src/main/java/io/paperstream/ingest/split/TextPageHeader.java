package io.paperstream.ingest.split;

import io.paperstream.schemas.PrintedDates;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines a text rendering starts with: site chrome ({@code new}, {@code Subscribe},
 * {@code Daily Papers}, …) and the page's own year-less date, or on a weekly or monthly listing its
 * period ({@code Week 24}, {@code 2026-W24}, {@code June 2026}). Captures differ in which chrome
 * lines they keep, so the header is recognised by its known lines and its date, not by a fixed
 * layout.
 *
 * @param bodyStart index of the first line after the header
 * @param pageDate the page's date, resolved to a year; null when the header states none
 * @param recognised whether any known header line or a page date was found
 */
record TextPageHeader(int bodyStart, LocalDate pageDate, boolean recognised) {

  private static final Set<String> KNOWN_LINES = Set.of(
      "new",
      "get trending papers in your email inbox!",
      "get trending papers in your email inbox",
      "subscribe",
      "daily papers",
      "weekly papers",
      "monthly papers",
      "trending papers",
      "byak and the research community",
      "by ak and the research community",
      // the listing's own controls, as a capture keeps their labels
      "daily", "weekly", "monthly", "previous", "next", "prev", "← previous", "next →", "today",
      "submit paper", "submit a paper");

  /**
   * A weekly or monthly listing's period: {@code Week 24}, {@code Week 24, 2026}, {@code 2026-W24},
   * {@code June 2026}, {@code Jun 2026}. Header chrome, not an entry; it dates no entry (they print
   * their own dates), so the page date stays unknown.
   */
  private static final Pattern PERIOD = Pattern.compile(
      "(?i)week\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{4}-W\\d{2}|(?<month>[a-z]{3,9})\\.?\\s+\\d{4}");

  /**
   * The header sits within the first lines: a capture of the whole page starts with the site's
   * navigation (a dozen short lines: {@code Models}, {@code Datasets}, …, {@code Sign Up}) before
   * the digest's own chrome and date; beyond that a date belongs to an entry.
   */
  private static final int HEADER_SEARCH_LINES = 40;
  private static final int CHROME_MAX = 80;

  static TextPageHeader read(List<String> lines, LocalDate asOf) {
    int dateAt = pageDateIndex(lines);
    int i = 0;
    LocalDate pageDate = null;
    boolean recognised = false;
    if (dateAt >= 0) {
      Optional<LocalDate> resolved = PrintedDate.parse(lines.get(dateAt)).flatMap(d -> d.resolve(asOf));
      pageDate = resolved.orElse(null);
      recognised = true;
      i = dateAt + 1;
    } else {
      // no page date (a weekly listing prints its period): the header ends at its last known line
      int known = lastKnownChrome(lines);
      i = known + 1;
      // the site's navigation alone does not make a digest page
      recognised = lines.subList(0, i).stream().anyMatch(TextPageHeader::isKnown);
    }
    // chrome may also follow the date in some captures
    while (i < lines.size() && isKnown(lines.get(i))) {
      recognised = true;
      i++;
    }
    return new TextPageHeader(i, pageDate, recognised);
  }

  /**
   * Where the page date is: the first date line, provided only short chrome lines precede it and at
   * least one of them is known chrome (else the date is more likely an entry's).
   */
  private static int pageDateIndex(List<String> lines) {
    boolean knownChrome = false;
    int limit = Math.min(lines.size(), HEADER_SEARCH_LINES);
    for (int i = 0; i < limit; i++) {
      String line = lines.get(i);
      Optional<PrintedDate> date = PrintedDate.parse(line);
      if (date.isPresent()) {
        boolean plainDate = date.get().trailingCount() == null;
        return plainDate && (i == 0 || knownChrome) ? i : -1;
      }
      if (line.length() > CHROME_MAX || TextLines.isMetadata(line)) {
        return -1;
      }
      knownChrome |= isKnown(line);
    }
    return -1;
  }

  /**
   * The last known chrome line (the digest's or the site's navigation) among the short lines a
   * page starts with (up to the first long or metadata line), or -1: what precedes it is the
   * site's navigation.
   */
  private static int lastKnownChrome(List<String> lines) {
    int last = -1;
    int limit = Math.min(lines.size(), HEADER_SEARCH_LINES);
    for (int i = 0; i < limit; i++) {
      String line = lines.get(i);
      if (line.length() > CHROME_MAX || TextLines.isMetadata(line)) {
        break;
      }
      if (isKnown(line) || TextLines.isSiteChrome(line)) {
        last = i;
      }
    }
    return last;
  }

  private static boolean isKnown(String line) {
    if (line.length() > CHROME_MAX) {
      return false;
    }
    return KNOWN_LINES.contains(line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)) || isPeriod(line);
  }

  /** Asked by {@link #isKnown} only, after its length check. */
  private static boolean isPeriod(String line) {
    var m = PERIOD.matcher(line.strip());
    return m.matches() && (m.group("month") == null || PrintedDates.month(m.group("month")).isPresent());
  }
}
