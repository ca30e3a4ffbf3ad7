package io.paperstream.processor.trend;

import io.paperstream.schemas.EmergenceKind;
import io.paperstream.schemas.EmergingKeyword;
import io.paperstream.schemas.KeywordEmergence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
   * @param counts the daily counts, covering at least {@code date - LOOK_BACK} … {@code date}
   * @param seenBefore whether a keyword had a paper before a given day (the window's first)
   */
  KeywordEmergence of(DailyCountWindow counts, LocalDate date, BiPredicate<String, LocalDate> seenBefore) {
    LocalDate windowStart = date.minusDays(WINDOW_DAYS - 1);
    LocalDate historyStart = windowStart.minusDays(HISTORY_DAYS);
    long windowMentions = mentions(counts, windowStart, date);
    long historyMentions = mentions(counts, historyStart, windowStart.minusDays(1));
    List<String> candidates = new ArrayList<>();
    for (LocalDate day = windowStart; !day.isAfter(date); day = day.plusDays(1)) {
      counts.on(day).keySet().forEach(candidates::add);
    }
    List<EmergingKeyword> emerging = new ArrayList<>();
    candidates.stream().distinct().forEach(keyword -> {
      long count = counts.sum(keyword, windowStart, date);
      if (count < options.minSupport()) {
        return;
      }
      long baseline = counts.sum(keyword, historyStart, windowStart.minusDays(1));
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

  // every keyword mention (a paper counts once per keyword): the exposure of the Poisson counts
  private static long mentions(DailyCountWindow counts, LocalDate from, LocalDate to) {
    long total = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      for (Map.Entry<String, Long> count : counts.on(day).entrySet()) {
        total += count.getValue();
      }
    }
    return total;
  }
}
