package io.paperstream.processor.enrich;

import io.paperstream.schemas.Paper;
import java.util.List;
import java.util.Objects;

/**
 * Adds what a page did not say outright to a normalized paper record: its keywords.
 *
 * <p>Links are not enriched here: code links are read once, by the entry normalizer
 * ({@code io.paperstream.processor.normalize.CodeLinks}), so there is one definition of a code
 * URL. Thread-safe when the extractor is (it is).
 */
public final class PaperEnricher {

  private final KeywordExtractor extractor;

  public PaperEnricher(KeywordExtractor extractor) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
  }

  /**
   * A copy of {@code normalized} whose keywords are the canonical keyphrases of its title and
   * abstract, the page's own keywords first. The input record is left as it was.
   *
   * @param sourceKeywords keywords the page supplied itself; null means none
   */
  public Paper enrich(Paper normalized, List<String> sourceKeywords) {
    return enrich(normalized, sourceKeywords, KeyphraseVocabulary.EMPTY);
  }

  /** As {@link #enrich(Paper, List)}, ranking with the keyphrases other papers chose. */
  public Paper enrich(Paper normalized, List<String> sourceKeywords, KeyphraseVocabulary vocabulary) {
    return enriched(normalized, sourceKeywords, vocabulary).paper();
  }

  /**
   * As {@link #enrich(Paper, List, KeyphraseVocabulary)}, with the extraction the keywords came
   * from: its candidate phrases are what the paper's vocabulary lesson counts as seen.
   */
  public Enriched enriched(Paper normalized, List<String> sourceKeywords, KeyphraseVocabulary vocabulary) {
    KeywordExtractor.Extraction extraction = extractor.extraction(normalized.getTitle(), normalized.getAbstract$(),
        normalized.getAiSummary(), sourceKeywords == null ? List.of() : sourceKeywords, vocabulary);
    return new Enriched(Paper.newBuilder(normalized).setKeywords(extraction.keywords()).build(), extraction);
  }

  /**
   * A paper record and the extraction that derived its keywords from its title and abstract.
   *
   * @param extraction null when the keywords were not derived for this record but carried over
   *     from an earlier record of the same text
   */
  public record Enriched(Paper paper, KeywordExtractor.Extraction extraction) {

    public Enriched {
      Objects.requireNonNull(paper, "paper");
    }

    /** A record whose keywords were carried over, not derived. */
    public static Enriched carried(Paper paper) {
      return new Enriched(paper, null);
    }
  }
}
