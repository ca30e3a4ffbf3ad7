package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.topology.PaperIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Exact paper counts per published date, from the per-date counters of the {@link PaperIndex}
 * (one key per date, so a few thousand keys at most), summed over the instances; and the
 * default date of the API and the dashboard derived from them.
 */
final class PaperCounts {

  /** Dates whose counts decide what a normal day is. */
  static final int RECENT_DATES = 30;
  /** A date is meaningful with at least this share of the median count of the recent dates. */
  static final double MEANINGFUL_SHARE = 0.25;

  private final ObjectMapper mapper;

  PaperCounts(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** This instance's counts per date (key {@value PaperIndex#NO_DATE}: papers without a date). */
  Map<String, Long> local(InstanceRouter router) {
    ReadOnlyKeyValueStore<String, String> index = router.store(PaperIndex.STORE);
    Map<String, Long> counts = new TreeMap<>();
    try (KeyValueIterator<String, String> all = index.range(PaperIndex.countsLower(), PaperIndex.countsUpper())) {
      while (all.hasNext()) {
        KeyValue<String, String> kv = all.next();
        counts.merge(PaperIndex.dateOfCount(kv.key), Long.parseLong(kv.value), Long::sum);
      }
    }
    return counts;
  }

  /** {@code {"total", "defaultDate", "days": [{"date", "count"}]}}, newest date first. */
  ObjectNode answer(Map<String, Long> counts) {
    ObjectNode answer = mapper.createObjectNode();
    answer.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
    LocalDate defaultDate = defaultDate(counts);
    answer.put("defaultDate", defaultDate == null ? null : defaultDate.toString());
    ArrayNode days = answer.putArray("days");
    new TreeMap<>(counts).descendingMap().forEach((date, count) ->
        days.addObject().put("date", PaperIndex.NO_DATE.equals(date) ? null : date).put("count", count));
    return answer;
  }

  /** Counts as {@link #answer} wrote them, added into {@code into}. */
  static void addFrom(JsonNode answer, Map<String, Long> into) {
    for (JsonNode day : answer.path("days")) {
      String date = day.path("date").isNull() ? PaperIndex.NO_DATE : day.path("date").asText();
      into.merge(date, day.path("count").asLong(), Long::sum);
    }
  }

  /**
   * The latest date with a meaningful number of papers: at least a quarter of the median count
   * of the {@value #RECENT_DATES} latest dates with papers. A date with 2 papers after weeks of
   * 50 a day is a straggler (a late sighting, a wrong date), not "today".
   */
  static LocalDate defaultDate(Map<String, Long> counts) {
    TreeMap<String, Long> dated = new TreeMap<>(counts);
    dated.remove(PaperIndex.NO_DATE);
    if (dated.isEmpty()) {
      return null;
    }
    List<Long> recent = new ArrayList<>(dated.descendingMap().values()).subList(0, Math.min(RECENT_DATES, dated.size()));
    List<Long> sorted = new ArrayList<>(recent);
    Collections.sort(sorted);
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
    double threshold = Math.max(1, Math.ceil(median * MEANINGFUL_SHARE));
    for (Map.Entry<String, Long> day : dated.descendingMap().entrySet()) {
      if (day.getValue() >= threshold) {
        return LocalDate.parse(day.getKey());
      }
    }
    return LocalDate.parse(dated.lastKey());
  }
}
