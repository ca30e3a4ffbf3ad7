package io.paperstream.processor.enrich;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts, over papers that carry keywords of their own, how many chose each canonical
 * keyphrase: a {@link KeyphraseVocabulary} built in memory (evaluation, training). The stream
 * keeps the same counts in a state store ({@code io.paperstream.processor.topology.VocabularyTopology}).
 * Not thread-safe.
 */
public final class VocabularyBuilder {

  private final KeywordCanonicalizer canonicalizer;
  private final Map<String, Long> papersWith = new HashMap<>();
  private final Map<String, Long> papersSeen = new HashMap<>();
  private long papers;

  public VocabularyBuilder(KeywordCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /** The distinct canonical phrases of one paper's own keywords; blank ones left out. */
  public static Set<String> phrasesOf(KeywordCanonicalizer canonicalizer, List<String> sourceKeywords) {
    Set<String> phrases = new LinkedHashSet<>();
    if (sourceKeywords != null) {
      for (String keyword : sourceKeywords) {
        String canonical = canonicalizer.canonical(keyword);
        if (!canonical.isBlank()) {
          phrases.add(canonical);
        }
      }
    }
    return phrases;
  }

  /** Adds one paper's own keywords; a paper without any teaches nothing. */
  public VocabularyBuilder add(List<String> sourceKeywords) {
    return add(sourceKeywords, Set.of());
  }

  /**
   * Adds one paper's own keywords and the candidates its text offered
   * ({@link KeywordExtractor#candidatePhrases}); a paper without keywords teaches nothing.
   */
  public VocabularyBuilder add(List<String> sourceKeywords, Set<String> candidatePhrases) {
    Set<String> phrases = phrasesOf(canonicalizer, sourceKeywords);
    if (!phrases.isEmpty()) {
      papers++;
      for (String phrase : phrases) {
        papersWith.merge(phrase, 1L, Long::sum);
      }
      for (String phrase : candidatePhrases) {
        papersSeen.merge(phrase, 1L, Long::sum);
      }
    }
    return this;
  }

  public KeyphraseVocabulary build() {
    return KeyphraseVocabulary.of(papersWith, papersSeen, papers);
  }

  /**
   * The counts as a {@link SeedVocabulary} of papers listed {@code firstDay} … {@code lastDay},
   * without the phrases no paper chose that fewer than {@code minSeen} papers offered.
   */
  public SeedVocabulary seed(LocalDate firstDay, LocalDate lastDay, int minSeen) {
    return SeedVocabulary.of(papersWith, papersSeen, papers, firstDay, lastDay, minSeen);
  }
}
