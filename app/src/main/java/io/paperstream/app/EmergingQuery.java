package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.processor.trend.EmergingOptions;
import io.paperstream.schemas.KeywordEmergence;
import io.paperstream.schemas.RecordJson;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/emerging}: the emerging keywords of a date as the processor last emitted them to
 * {@code keyword-emerging}, read from its store on the one instance that holds the counter's
 * partition (forwarded there from any other).
 */
final class EmergingQuery {

  static final String STATISTIC = "emerging: count >= minSupport papers in the 7 days to the date, pValue <= maxPValue "
      + "and ratio >= minRatio; pValue = P(X >= count), X ~ Binomial(count + baseline, window mentions / (window + "
      + "history mentions)), baseline over the 56 days before the window; ratio = count / ((baseline + 1) x window "
      + "mentions / history mentions); NEW when never seen before the window, else BURST";

  private final QueryService queries;
  private final InstanceRouter router;
  private final ObjectMapper mapper;
  private final RecordJson json = new RecordJson();

  EmergingQuery(QueryService queries, InstanceRouter router, ObjectMapper mapper) {
    this.queries = queries;
    this.router = router;
    this.mapper = mapper;
  }

  /** The date's emerging keywords, most surprising first; without a date, the default date's. */
  JsonNode emerging(LocalDate requested, int limit, boolean localOnly) {
    LocalDate date = requested != null || localOnly ? requested : queries.defaultDate();
    Optional<HostInfo> owner = localOnly ? Optional.empty() : router.remoteOwner(PaperTopology.EMERGING_STORE, "");
    if (owner.isPresent()) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("date", date == null ? null : date.toString());
      params.put("limit", String.valueOf(limit));
      return router.forward(owner.get(), "/api/emerging" + UrlQuery.of(params));
    }
    ObjectNode answer = mapper.createObjectNode();
    answer.put("date", date == null ? null : date.toString());
    LocalDate from = date == null ? null : date.minusDays(EmergingOptions.WINDOW_DAYS - 1L);
    answer.put("from", from == null ? null : from.toString());
    answer.put("baselineFrom", from == null ? null : from.minusDays(EmergingOptions.HISTORY_DAYS).toString());
    answer.put("statistic", STATISTIC);
    ArrayNode keywords = answer.putArray("keywords");
    if (date != null) {
      KeywordEmergence emergence = InstanceRouter.local(
          () -> router.<KeywordEmergence>store(PaperTopology.EMERGING_STORE).get(date.toString()));
      if (emergence != null) {
        json.toJson(emergence).path("keywords").forEach(keyword -> {
          if (keywords.size() < limit) {
            keywords.add(keyword);
          }
        });
      }
    }
    return answer;
  }
}
