package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.enrich.SeedVocabulary;
import io.paperstream.processor.trend.EmergingOptions;
import io.paperstream.processor.trend.PunctuationBudget;
import java.time.Duration;

/**
 * What {@link PaperTopology} can be tuned with; defaults in {@link #defaults()}, changed one at a
 * time with the {@code with} methods. {@code seedVocabulary}: the shipped seed vocabulary
 * ({@link SeedVocabulary}) under what the stream teaches. {@code partitions}: the raw entries'
 * partition count, on which the vocabulary is counted.
 */
public record TopologyOptions(int keywordsPerPaper, int trendTop, Duration trendEmitInterval, int trendMinSupport,
    EmergingOptions emerging, PunctuationBudget.Limits punctuation, boolean seedVocabulary, int partitions) {

  /** Papers a keyword needs in the 7-day window before it can trend, when not configured. */
  public static final int DEFAULT_TREND_MIN_SUPPORT = 2;

  /**
   * {@link KeywordExtractor#DEFAULT_MAX_KEYWORDS} keywords a paper, the top 25 trends emitted every
   * second, the default emerging test and punctuation bounds, the seed vocabulary on, raw entries
   * on one partition.
   */
  public static TopologyOptions defaults() {
    return new TopologyOptions(KeywordExtractor.DEFAULT_MAX_KEYWORDS, 25, Duration.ofSeconds(1),
        DEFAULT_TREND_MIN_SUPPORT, EmergingOptions.defaults(), PunctuationBudget.Limits.defaults(), true, 1);
  }

  /** The same options with at most {@code count} keywords a paper. */
  public TopologyOptions withKeywordsPerPaper(int count) {
    return new TopologyOptions(count, trendTop, trendEmitInterval, trendMinSupport, emerging, punctuation,
        seedVocabulary, partitions);
  }

  /** The same options where a keyword needs {@code papers} papers in the window to trend (1: any). */
  public TopologyOptions withTrendMinSupport(int papers) {
    return new TopologyOptions(keywordsPerPaper, trendTop, trendEmitInterval, papers, emerging, punctuation,
        seedVocabulary, partitions);
  }

  /** The same options with the seed vocabulary on or off. */
  public TopologyOptions withSeedVocabulary(boolean seed) {
    return new TopologyOptions(keywordsPerPaper, trendTop, trendEmitInterval, trendMinSupport, emerging, punctuation,
        seed, partitions);
  }

  /** The same options for raw entries on {@code count} partitions. */
  public TopologyOptions withPartitions(int count) {
    return new TopologyOptions(keywordsPerPaper, trendTop, trendEmitInterval, trendMinSupport, emerging, punctuation,
        seedVocabulary, count);
  }
}
