package io.paperstream.processor.trend;

import io.paperstream.schemas.KeywordTrend;
import io.paperstream.schemas.TrendingKeyword;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the keyword trends of every date from the stream of daily keyword counts.
 *
 * <p>A trend ranks all keywords of a date and looks 34 days back, so it needs every count in
 * one place: this processor runs on a single-partition repartition of the counts (keywords ×
 * days is small). A count update marks the dates whose trend it can change (its own date and
 * the later dates, up to 34 days on, where the keyword also appears); marked dates are
 * recomputed once per punctuation instead of once per update, which keeps bursts cheap. The
 * marks live in a store, so a crash between update and punctuation loses none.
 */
public final class TrendProcessor implements Processor<String, Long, String, KeywordTrend> {

  static final String SEPARATOR = "|";
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
  private ProcessorContext<String, KeywordTrend> context;
  private KeyValueStore<String, Long> byKeyword;
  private KeyValueStore<String, Long> byDate;
  private KeyValueStore<String, String> dirty;

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
    this.stores = stores;
    this.top = top;
    this.minSupport = minSupport;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, KeywordTrend> context) {
    this.context = context;
    this.byKeyword = context.getStateStore(stores.byKeyword());
    this.byDate = context.getStateStore(stores.byDate());
    this.dirty = context.getStateStore(stores.dirtyDates());
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitDirty());
  }

  /** Key {@code keyword|YYYY-MM-DD}; value the count, or null when it fell to zero. */
  @Override
  public void process(Record<String, Long> record) {
    int split = record.key().lastIndexOf(SEPARATOR);
    String keyword = record.key().substring(0, split);
    LocalDate date = LocalDate.parse(record.key().substring(split + 1));
    Long count = record.value();
    if (count == null || count <= 0) {
      byKeyword.delete(record.key());
      byDate.delete(date + SEPARATOR + keyword);
    } else {
      byKeyword.put(record.key(), count);
      byDate.put(date + SEPARATOR + keyword, count);
    }
    dirty.put(date.toString(), "");
    try (KeyValueIterator<String, Long> later =
        byKeyword.range(keyword + SEPARATOR + date.plusDays(1), keyword + SEPARATOR + date.plusDays(LOOK_BACK))) {
      later.forEachRemaining(kv -> dirty.put(kv.key.substring(split + 1), ""));
    }
  }

  private void emitDirty() {
    List<String> dates = new ArrayList<>();
    try (KeyValueIterator<String, String> all = dirty.all()) {
      all.forEachRemaining(kv -> dates.add(kv.key));
    }
    for (String date : dates) {
      KeywordTrend trend = trendOf(LocalDate.parse(date));
      long now = context.currentSystemTimeMs();
      context.forward(new Record<>(date, trend.getKeywords().isEmpty() ? null : trend, now));
      dirty.delete(date);
    }
  }

  KeywordTrend trendOf(LocalDate date) {
    List<TrendingKeyword> keywords = new ArrayList<>();
    try (KeyValueIterator<String, Long> ofDate = byDate.prefixScan(date + SEPARATOR, new StringSerializer())) {
      while (ofDate.hasNext()) {
        KeyValue<String, Long> kv = ofDate.next();
        String keyword = kv.key.substring(date.toString().length() + 1);
        long count7d = sum(keyword, date.minusDays(TrendScore.WINDOW_DAYS - 1), date);
        if (count7d < minSupport) {
          continue;
        }
        long baseline = sum(keyword, date.minusDays(LOOK_BACK), date.minusDays(TrendScore.WINDOW_DAYS));
        keywords.add(TrendingKeyword.newBuilder()
            .setKeyword(keyword)
            .setCount(kv.value)
            .setCount7d(count7d)
            .setBaseline28d(baseline)
            .setGrowth(TrendScore.growth(count7d, baseline))
            .build());
      }
    }
    keywords.sort(RANKING);
    return KeywordTrend.newBuilder()
        .setDate(date)
        .setKeywords(keywords.size() > top ? new ArrayList<>(keywords.subList(0, top)) : keywords)
        .build();
  }

  private long sum(String keyword, LocalDate from, LocalDate to) {
    long total = 0;
    try (KeyValueIterator<String, Long> days =
        byKeyword.range(keyword + SEPARATOR + from, keyword + SEPARATOR + to)) {
      while (days.hasNext()) {
        total += days.next().value;
      }
    }
    return total;
  }
}
