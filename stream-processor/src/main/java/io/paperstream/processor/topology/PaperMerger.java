package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.PaperEnricher;
import io.paperstream.processor.enrich.PaperEnricher.Enriched;
import io.paperstream.schemas.Paper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * Folds two records of the same paper into one.
 *
 * <p>The result does not depend on the order in which sightings arrive (a restart, a
 * rebalance or a retired title key can reorder them): counters take the maximum, dates the
 * earliest, sets the union, and a text field (the abstract, the page's AI summary, ...) the value
 * of the more recently seen record, with the older one as fallback. Keywords are then derived again
 * from the merged text, so a corrected abstract or a newly given summary moves them (and the counts
 * built on them).
 */
public final class PaperMerger {

  private final PaperEnricher enricher;
  private KeyphraseVocabulary vocabulary = KeyphraseVocabulary.EMPTY;

  public PaperMerger(PaperEnricher enricher) {
    this.enricher = enricher;
  }

  /** The vocabulary merged records are enriched with (the processor's global store); none by default. */
  void useVocabulary(KeyphraseVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The first record of a paper: {@code sighting}, with its keywords derived unless it has them. */
  public Enriched first(Paper sighting) {
    return sighting.getKeywords().isEmpty()
        ? enricher.enriched(sighting, sighting.getSourceKeywords(), vocabulary) : Enriched.carried(sighting);
  }

  /** {@code existing} and {@code seen} folded into one record keyed {@code paperId}. */
  public Enriched merge(String paperId, Paper existing, Paper seen) {
    boolean seenIsNewer = !seen.getLastSeen().isBefore(existing.getLastSeen());
    Paper newer = seenIsNewer ? seen : existing;
    Paper older = seenIsNewer ? existing : seen;
    TreeSet<String> sources = new TreeSet<>(existing.getSources());
    sources.addAll(seen.getSources());
    Paper merged = Paper.newBuilder()
        .setPaperId(paperId)
        .setArxivId(firstNonNull(newer.getArxivId(), older.getArxivId()))
        .setTitle(newer.getTitle())
        .setAbstract$(firstNonNull(newer.getAbstract$(), older.getAbstract$()))
        .setAiSummary(firstNonNull(newer.getAiSummary(), older.getAiSummary()))
        .setAuthors(newer.getAuthors().size() >= older.getAuthors().size() ? newer.getAuthors() : older.getAuthors())
        .setAuthorCount(combine(newer.getAuthorCount(), older.getAuthorCount(), Math::max))
        .setOrganization(firstNonNull(newer.getOrganization(), older.getOrganization()))
        .setPublishedDate(combine(newer.getPublishedDate(), older.getPublishedDate(), PaperMerger::earlier))
        .setFeaturedDate(combine(newer.getFeaturedDate(), older.getFeaturedDate(), PaperMerger::earlier))
        .setUpvotes(combine(newer.getUpvotes(), older.getUpvotes(), Math::max))
        .setComments(combine(newer.getComments(), older.getComments(), Math::max))
        .setSourceKeywords(newer.getSourceKeywords().isEmpty() ? older.getSourceKeywords() : newer.getSourceKeywords())
        .setKeywords(List.of())
        .setArxivUrl(firstNonNull(newer.getArxivUrl(), older.getArxivUrl()))
        .setCodeUrls(union(newer.getCodeUrls(), older.getCodeUrls()))
        .setProjectPage(firstNonNull(newer.getProjectPage(), older.getProjectPage()))
        .setFirstSeen(earlierInstant(existing.getFirstSeen(), seen.getFirstSeen()))
        .setLastSeen(newer.getLastSeen())
        .setSightings(sources.size())
        .setSources(new ArrayList<>(sources))
        .build();
    return withKeywords(merged, existing, seen);
  }

  /** The keywords of an earlier record derived from the same text, else derived anew. */
  private Enriched withKeywords(Paper merged, Paper... earlier) {
    for (Paper record : earlier) {
      if (!record.getKeywords().isEmpty() && sameText(record, merged)) {
        merged.setKeywords(record.getKeywords());
        return Enriched.carried(merged);
      }
    }
    return enricher.enriched(merged, merged.getSourceKeywords(), vocabulary);
  }

  /**
   * Whether the keywords of {@code a} are those of {@code b}: the text keyword extraction and the
   * vocabulary lessons may read (title, abstract, the page's AI summary, its keywords) is the same,
   * so a summary that arrives later derives the keywords again.
   */
  static boolean sameText(Paper a, Paper b) {
    return Objects.equals(a.getTitle(), b.getTitle()) && Objects.equals(a.getAbstract$(), b.getAbstract$())
        && Objects.equals(a.getAiSummary(), b.getAiSummary())
        && Objects.equals(a.getSourceKeywords(), b.getSourceKeywords());
  }

  /**
   * Whether downstream consumers need to hear about the change from {@code before} to
   * {@code after}: anything but {@code lastSeen}. A later sighting of an unchanged paper is not
   * news, so the published {@code lastSeen} is that of the last material change; an earlier
   * {@code firstSeen} (a late-arriving old page) is news, and publishing it keeps the topic's
   * final state independent of the order sightings arrive in.
   */
  public static boolean materiallyDifferent(Paper before, Paper after) {
    return !withoutLastSeen(before).equals(withoutLastSeen(after));
  }

  /** The record with {@code lastSeen} blanked: what {@link #materiallyDifferent} compares. */
  public static Paper withoutLastSeen(Paper paper) {
    return Paper.newBuilder(paper).setLastSeen(Instant.EPOCH).build();
  }

  private static <T> T firstNonNull(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static <T> T combine(T a, T b, BinaryOperator<T> both) {
    if (a == null) {
      return b;
    }
    return b == null ? a : both.apply(a, b);
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant earlierInstant(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static List<String> union(List<String> first, List<String> second) {
    LinkedHashSet<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return all.stream().filter(Objects::nonNull).toList();
  }
}
