package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.Search;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/summary}: what the dashboard shows in one small answer instead of all of
 * {@code /metrics}: the default date, exact paper count over every instance, entries in and out,
 * dead letters by stage, the lag split into raw entries waiting and the processor's internal
 * work, and the feed's counters when it runs.
 */
final class Summary {

  private final QueryService queries;
  private final Health health;
  private final AppMetrics metrics;
  private final ObjectMapper mapper;

  Summary(QueryService queries, Health health, AppMetrics metrics, ObjectMapper mapper) {
    this.queries = queries;
    this.health = health;
    this.metrics = metrics;
    this.mapper = mapper;
  }

  ObjectNode report() {
    ObjectNode summary = mapper.createObjectNode();
    summary.put("status", health.healthy() ? "UP" : "DOWN");
    summary.put("state", health.state().name());
    try {
      JsonNode counts = queries.paperCounts(false);
      summary.set("defaultDate", counts.path("defaultDate"));
      summary.put("papers", counts.path("total").asLong());
    } catch (ApiError e) {
      // starting or rebalancing: the rest of the summary still says why
      summary.putNull("defaultDate");
      summary.putNull("papers");
      summary.put("papersError", e.getMessage());
    }
    ObjectNode entries = summary.putObject("entries");
    entries.put("in", (long) total("paperstream.entries.in", null));
    entries.put("out", (long) total("paperstream.entries.out", null));
    ObjectNode deadLetters = summary.putObject("deadLetters");
    for (String stage : new String[] {"ingest", "process", "feed"}) {
      deadLetters.put(stage, (long) total("paperstream.dead.letters", stage));
    }
    ObjectNode lag = summary.putObject("lag");
    Optional<Map<String, Long>> perInput = health.lag();
    if (perInput.isPresent()) {
      long waiting = perInput.get().getOrDefault(health.rawEntriesTopic(), 0L);
      long all = perInput.get().values().stream().mapToLong(Long::longValue).sum();
      lag.put("waiting", waiting).put("internal", all - waiting);
    } else {
      lag.putNull("waiting").putNull("internal");
    }
    FeedStatusJson.addTo(summary, metrics.feed());
    if (summary.hasNonNull("feed")) {
      ObjectNode feed = (ObjectNode) summary.get("feed");
      ObjectNode pages = feed.putObject("pages");
      for (Meter meter : metrics.registry().find("paperstream.feed.pages").meters()) {
        pages.put(meter.getId().getTag("outcome"), (long) value(meter));
      }
      feed.put("entries", (long) total("paperstream.feed.entries", null));
    }
    return summary;
  }

  private double total(String name, String stage) {
    Search search = metrics.registry().find(name);
    if (stage != null) {
      search = search.tag("stage", stage);
    }
    return search.meters().stream().mapToDouble(Summary::value).sum();
  }

  private static double value(Meter meter) {
    for (Measurement measurement : meter.measure()) {
      return measurement.getValue();
    }
    return 0;
  }
}
