package io.paperstream.processor.enrich.eval;

import io.paperstream.processor.normalize.EntryNormalizer;
import io.paperstream.processor.normalize.NormalizationException;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The labeled papers among raw entries, and the fixed date split of the labeled set.
 *
 * <p>Entries are normalized as the processor does; those without keywords of their own (none,
 * or only blank ones, as in the API's {@code [""]}) are not labeled; a paper seen on several
 * pages counts once, on its earliest day.
 */
public final class LabeledPapers {

  /**
   * The split of {@code ../shared/fixtures/hf-api/labeled} (2025-03-11 … 2025-08-29): the ranker
   * and the vocabulary learn from the days before this date; the evaluation measures from it on
   * (its last 22 listing days, 30 calendar days). Fixed here so that nothing is ever tuned on the measuring days.
   */
  public static final LocalDate MEASURE_FROM = LocalDate.of(2025, 7, 31);

  private final Map<String, LabeledPaper> byId = new LinkedHashMap<>();
  private final EntryNormalizer normalizer = new EntryNormalizer();
  private int unreadable;

  /** Adds one raw entry; an entry the normalizer rejects is counted, not thrown. */
  public void add(RawEntry entry) {
    Paper paper;
    try {
      paper = normalizer.normalize(entry);
    } catch (NormalizationException e) {
      unreadable++;
      return;
    }
    List<String> keywords = paper.getSourceKeywords().stream().filter(k -> k != null && !k.isBlank()).toList();
    LocalDate date = paper.getFeaturedDate() != null ? paper.getFeaturedDate() : paper.getPublishedDate();
    if (keywords.isEmpty() || date == null) {
      return;
    }
    LabeledPaper labeled = new LabeledPaper(paper.getPaperId(), date, paper.getTitle(), paper.getAbstract$(),
        paper.getAiSummary(), keywords);
    byId.merge(labeled.id(), labeled, (a, b) -> a.date().isAfter(b.date()) ? b : a);
  }

  /** Entries the normalizer rejected. */
  public int unreadable() {
    return unreadable;
  }

  /** The labeled papers listed from {@code from} to {@code to} (either null: open), by date. */
  public List<LabeledPaper> between(LocalDate from, LocalDate to) {
    Predicate<LabeledPaper> inRange = p -> (from == null || !p.date().isBefore(from))
        && (to == null || !p.date().isAfter(to));
    List<LabeledPaper> papers = new ArrayList<>(byId.values().stream().filter(inRange).toList());
    papers.sort(Comparator.comparing(LabeledPaper::date).thenComparing(LabeledPaper::id));
    return papers;
  }

  /** The learning days: everything before {@link #MEASURE_FROM}. */
  public List<LabeledPaper> learning() {
    return between(null, MEASURE_FROM.minusDays(1));
  }

  /** The measuring days: from {@link #MEASURE_FROM} on. */
  public List<LabeledPaper> measuring() {
    return between(MEASURE_FROM, null);
  }
}
