package io.paperstream.processor.trend;

import io.paperstream.schemas.EmergenceKind;
import io.paperstream.schemas.EmergingKeyword;
import io.paperstream.schemas.KeywordEmergence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The emerging keywords of one date, from the daily counts of the {@value #WINDOW_DAYS} days
 * ending on it and the {@value #HISTORY_DAYS} days before: a pure function of those counts (and
 * of whether a keyword was seen before the window), shared by the processor and its tests.
 */
final class EmergingKeywords {

  static final int WINDOW_DAYS = EmergingOptions.WINDOW_DAYS;
  static final int HISTORY_DAYS = EmergingOptions.HISTORY_DAYS;
  /** Days before a date that its emerging keywords depend on. */
  static final int LOOK_BACK = WINDOW_DAYS + HISTORY_DAYS - 1;

  private static final Comparator<EmergingKeyword> MOST_SURPRISING = Comparator
      .comparingDouble(EmergingKeyword::getPValue)
      .thenComparing(Comparator.comparingDouble(EmergingKeyword::getRatio).reversed())
      .thenComparing(Comparator.comparingLong(EmergingKeyword::getCount).reversed())
      .thenComparing(EmergingKeyword::getKeyword);

  private final EmergingOptions options;

  EmergingKeywords(EmergingOptions options) {
    this.options = options;
  }

  /**
   * @param counts the daily counts, moved to {@code date}, with sums over {@value #WINDOW_DAYS} and
   *     {@code LOOK_BACK + 1} days
   * @param seenBefore whether a keyword had a paper before a given day (the window's first)
   */
  KeywordEmergence of(RollingCounts counts, LocalDate date, BiPredicate<String, LocalDate> seenBefore) {
    LocalDate historyStart = date.minusDays(LOOK_BACK);
    long windowMentions = counts.total(WINDOW_DAYS);
    long historyMentions = counts.total(LOOK_BACK + 1) - windowMentions;
    List<EmergingKeyword> emerging = new ArrayList<>();
    counts.sums(WINDOW_DAYS).forEach((keyword, count) -> {
      if (count < options.minSupport()) {
        return;
      }
      long baseline = counts.sum(LOOK_BACK + 1, keyword) - count;
      BurstStatistic.Burst burst = BurstStatistic.of(count, baseline, windowMentions, historyMentions);
      if (burst.pValue() <= options.maxPValue() && burst.ratio() >= options.minRatio()) {
        boolean isNew = baseline == 0 && !seenBefore.test(keyword, historyStart);
        emerging.add(EmergingKeyword.newBuilder()
            .setKeyword(keyword)
            .setKind(isNew ? EmergenceKind.NEW : EmergenceKind.BURST)
            .setCount(count)
            .setBaseline(baseline)
            .setExpected(burst.expected())
            .setRatio(burst.ratio())
            .setPValue(burst.pValue())
            .build());
      }
    });
    emerging.sort(MOST_SURPRISING);
    return KeywordEmergence.newBuilder()
        .setDate(date)
        .setKeywords(emerging.size() > options.top() ? new ArrayList<>(emerging.subList(0, options.top())) : emerging)
        .build();
  }
}
