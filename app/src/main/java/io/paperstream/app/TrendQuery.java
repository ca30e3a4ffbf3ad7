package io.paperstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.trend.TrendScore;
import io.paperstream.schemas.KeywordDateKey;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The trend arithmetic of {@code /api/trending} and {@code /api/keywords/{k}/series}, over the
 * trend processor's two count stores (both on the one instance that holds the trend partition).
 */
final class TrendQuery {

  /** Longest series one request may ask for (ten years of days), so no request builds a huge answer. */
  static final int MAX_SERIES_DAYS = 3_660;

  private record Row(String keyword, long count, long countOnDate, long baseline, double growth) {}

  private static final Comparator<Row> RANKING = Comparator.comparingLong(Row::count).reversed()
      .thenComparing(Comparator.comparingDouble(Row::growth).reversed())
      .thenComparing(Comparator.comparingLong(Row::countOnDate).reversed())
      .thenComparing(Row::keyword);

  private final ObjectMapper mapper;

  TrendQuery(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Keywords with at least {@code minSupport} papers over the {@code days} days ending at
   * {@code date}: per keyword {@code count} (window), {@code countOnDate}, {@code baseline} (the
   * 4 × days days before) and {@code growth = (count + 1) / (baseline / 4 + 1)}
   * ({@link TrendScore#growth}); ranked by count, growth, count on the date, keyword.
   */
  ObjectNode trending(ReadOnlyKeyValueStore<String, Long> byDate, LocalDate date, int days, int limit,
      int minSupport) {
    ObjectNode answer = mapper.createObjectNode();
    answer.put("days", days);
    answer.put("minSupport", minSupport);
    answer.put("formula", "growth = (count + 1) / (baseline / 4 + 1); count over the window, baseline over the "
        + (4 * days) + " days before it");
    ArrayNode ranked = mapper.createArrayNode();
    if (date == null) {
      answer.putNull("date");
      answer.set("keywords", ranked);
      return answer;
    }
    LocalDate windowStart = date.minusDays(days - 1L);
    LocalDate baselineStart = windowStart.minusDays(4L * days);
    Map<String, long[]> perKeyword = new HashMap<>(); // count in window, count on date, baseline
    try (KeyValueIterator<String, Long> span = byDate.range(TrendStoreKeys.dateLower(baselineStart),
        TrendStoreKeys.dateUpperExclusive(date))) {
      while (span.hasNext()) {
        KeyValue<String, Long> kv = span.next();
        LocalDate day = TrendStoreKeys.dateOfByDate(kv.key);
        if (day.isAfter(date)) {
          continue; // the upper bound is inclusive: the next day's bare prefix
        }
        long[] sums = perKeyword.computeIfAbsent(TrendStoreKeys.keywordOfByDate(kv.key), k -> new long[3]);
        if (day.isBefore(windowStart)) {
          sums[2] += kv.value;
        } else {
          sums[0] += kv.value;
          if (day.equals(date)) {
            sums[1] += kv.value;
          }
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    perKeyword.forEach((keyword, sums) -> {
      if (sums[0] >= minSupport) {
        rows.add(new Row(keyword, sums[0], sums[1], sums[2], TrendScore.growth(sums[0], sums[2])));
      }
    });
    rows.sort(RANKING);
    rows.stream().limit(limit).forEach(row -> ranked.addObject()
        .put("keyword", row.keyword())
        .put("count", row.count())
        .put("countOnDate", row.countOnDate())
        .put("baseline", row.baseline())
        .put("growth", row.growth()));
    answer.put("date", date.toString());
    answer.put("from", windowStart.toString());
    answer.put("baselineFrom", baselineStart.toString());
    answer.set("keywords", ranked);
    return answer;
  }

  /** A keyword's papers per day from {@code from} to {@code to} (default: its first and last day), zeros included. */
  ObjectNode series(ReadOnlyKeyValueStore<String, Long> byKeyword, String keyword, String canonical, LocalDate from,
      LocalDate to) {
    TreeMap<LocalDate, Long> counts = new TreeMap<>();
    String lower = from == null ? KeywordDateKey.keywordPrefix(canonical) : TrendStoreKeys.byKeyword(canonical, from);
    String upper = TrendStoreKeys.byKeyword(canonical, to == null ? LocalDate.of(9999, 12, 31) : to);
    try (KeyValueIterator<String, Long> found = byKeyword.range(lower, upper)) {
      while (found.hasNext()) {
        KeyValue<String, Long> kv = found.next();
        counts.put(TrendStoreKeys.dateOfByKeyword(kv.key), kv.value);
      }
    }
    ObjectNode answer = mapper.createObjectNode();
    answer.put("keyword", keyword).put("canonical", canonical);
    LocalDate first = from != null ? from : counts.isEmpty() ? null : counts.firstKey();
    LocalDate last = to != null ? to : counts.isEmpty() ? null : counts.lastKey();
    ArrayNode series = mapper.createArrayNode();
    long total = 0;
    if (first != null && last != null && !first.isAfter(last)) {
      if (ChronoUnit.DAYS.between(first, last) >= MAX_SERIES_DAYS) {
        throw ApiError.badRequest("a series spans at most " + MAX_SERIES_DAYS + " days; narrow from/to");
      }
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        long count = counts.getOrDefault(day, 0L);
        total += count;
        series.addObject().put("date", day.toString()).put("count", count);
      }
    }
    answer.put("from", first == null ? null : first.toString());
    answer.put("to", last == null ? null : last.toString());
    answer.put("total", total);
    answer.set("days", series);
    return answer;
  }
}
