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
    List<String> keywords = extractor.keywords(normalized.getTitle(), normalized.getAbstract$(),
        sourceKeywords == null ? List.of() : sourceKeywords, vocabulary);
    return Paper.newBuilder(normalized).setKeywords(keywords).build();
  }
}
