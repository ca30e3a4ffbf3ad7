package io.paperstream.processor.trend;

import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.KeywordTrend;
import io.paperstream.schemas.TrendingKeyword;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Step 6: keeps the keyword trends of every date from the stream of changed daily counts.
 *
 * <p>A trend ranks all keywords of a date and looks 34 days back, so it needs every count in
 * one place: it runs in the single-partition task of the {@link KeywordCounter}, after it, and
 * reads the counter's stores. A count update marks the dates whose trend it can change (its own
 * date and the later dates, up to 34 days on, where the keyword also appears); marked dates are
 * recomputed once per punctuation instead of once per update, which keeps bursts cheap. The
 * marks live in a store ({@link MarkedDates}), so a crash between update and punctuation loses
 * none; when every later date is marked already, a change skips the range scan of them.
 */
public final class TrendProcessor implements Processor<String, Long, String, KeywordTrend> {

  private static final int LOOK_BACK = TrendScore.WINDOW_DAYS + TrendScore.BASELINE_DAYS - 1;
  private static final Comparator<TrendingKeyword> RANKING = Comparator
      .comparingLong(TrendingKeyword::getCount).reversed()
      .thenComparing(Comparator.comparingLong(TrendingKeyword::getCount7d).reversed())
      .thenComparing(Comparator.comparingDouble(TrendingKeyword::getGrowth).reversed())
      .thenComparing(TrendingKeyword::getKeyword);

  private final Stores stores;
  private final int top;
  private final long minSupport;
  private final Duration emitInterval;
  private final PunctuationBudget budget;
  private ProcessorContext<String, KeywordTrend> context;
  private KeyValueStore<String, Long> byKeyword;
  private KeyValueStore<String, Long> byDate;
  private MarkedDates marks;

  /** The names of the three stores this processor needs. */
  public record Stores(String byKeyword, String byDate, String dirtyDates) {}

  public TrendProcessor(Stores stores, int top, Duration emitInterval) {
    this(stores, top, 1, emitInterval);
  }

  /**
   * @param minSupport papers a keyword needs in the 7-day window ({@code count7d}) before it can
   *     trend: a phrase of one paper is not a trend, however new it is
   */
  public TrendProcessor(Stores stores, int top, long minSupport, Duration emitInterval) {
    this(stores, top, minSupport, emitInterval, PunctuationBudget.Limits.defaults().budget());
  }

  /** @param budget bounds each punctuation's work; a new one per processor instance */
  public TrendProcessor(Stores stores, int top, long minSupport, Duration emitInterval, PunctuationBudget budget) {
    this.stores = stores;
    this.top = top;
    this.minSupport = minSupport;
    this.emitInterval = emitInterval;
    this.budget = budget;
  }

  @Override
  public void init(ProcessorContext<String, KeywordTrend> context) {
    this.context = context;
    this.byKeyword = context.getStateStore(stores.byKeyword());
    this.byDate = context.getStateStore(stores.byDate());
    this.marks = new MarkedDates(context.getStateStore(stores.dirtyDates()));
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> budget.punctuate(now, this::emitDirty));
  }

  /** Key {@code keyword|YYYY-MM-DD}, already counted in the stores; value the count, or null at zero. */
  @Override
  public void process(Record<String, Long> record) {
    budget.recordArrived();
    KeywordDateKey changed = KeywordDateKey.decode(record.key());
    marks.mark(changed.date());
    if (marks.allMarked(changed.date().plusDays(1), changed.date().plusDays(LOOK_BACK))) {
      return;
    }
    try (KeyValueIterator<String, Long> later = byKeyword.range(
        KeywordDateKey.of(changed.keyword(), changed.date().plusDays(1)).encode(),
        KeywordDateKey.of(changed.keyword(), changed.date().plusDays(LOOK_BACK)).encode())) {
      later.forEachRemaining(kv -> marks.mark(KeywordDateKey.decode(kv.key).date()));
    }
  }

  /**
   * Recomputes and emits the marked dates in order over counts that roll forward with them
   * ({@link MarkedDates#drain}, {@link RollingCounts}: memory bounded however many dates a
   * backfill marked), until the {@link PunctuationBudget}'s run is up: the rest stay marked for
   * the next punctuation.
   */
  private void emitDirty(BooleanSupplier outOfTime) {
    marks.drain(new RollingCounts(byDate, TrendScore.WINDOW_DAYS, LOOK_BACK + 1), outOfTime, (date, counts) -> {
      KeywordTrend trend = trendOf(counts, date);
      context.forward(new Record<>(date.toString(), trend.getKeywords().isEmpty() ? null : trend,
          context.currentSystemTimeMs()));
    });
  }

  private KeywordTrend trendOf(RollingCounts counts, LocalDate date) {
    List<TrendingKeyword> keywords = new ArrayList<>();
    counts.onDate().forEach((keyword, count) -> {
      long count7d = counts.sum(TrendScore.WINDOW_DAYS, keyword);
      if (count7d < minSupport) {
        return;
      }
      // the 28 days before the week: the 35 days ending on the date, less the week
      long baseline = counts.sum(LOOK_BACK + 1, keyword) - count7d;
      keywords.add(TrendingKeyword.newBuilder()
          .setKeyword(keyword)
          .setCount(count)
          .setCount7d(count7d)
          .setBaseline28d(baseline)
          .setGrowth(TrendScore.growth(count7d, baseline))
          .build());
    });
    keywords.sort(RANKING);
    return KeywordTrend.newBuilder()
        .setDate(date)
        .setKeywords(keywords.size() > top ? new ArrayList<>(keywords.subList(0, top)) : keywords)
        .build();
  }
}
