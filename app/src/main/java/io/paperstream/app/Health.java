package io.paperstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.app.LagMonitor;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code GET /api/health} reports: the processor's state, its lag per input, the instances. */
public final class Health {

  private static final Logger LOG = LoggerFactory.getLogger(Health.class);

  private final Supplier<KafkaStreams> streams;
  private final LagMonitor lag;
  private final QueryService queries;
  private final String applicationId;
  private final String rawEntriesTopic;
  private final ObjectMapper mapper;

  public Health(Supplier<KafkaStreams> streams, LagMonitor lag, QueryService queries, String applicationId,
      String rawEntriesTopic, ObjectMapper mapper) {
    this.streams = streams;
    this.lag = lag;
    this.queries = queries;
    this.applicationId = applicationId;
    this.rawEntriesTopic = rawEntriesTopic;
    this.mapper = mapper;
  }

  /** The input that holds entries not yet processed at all (the rest of the lag is internal work). */
  String rawEntriesTopic() {
    return rawEntriesTopic;
  }

  /** The lag per input topic; empty when it cannot be read (no processor yet, cluster unreachable). */
  Optional<Map<String, Long>> lag() {
    if (lag == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(lag.lagPerInput());
    } catch (Exception e) {
      // advisory: the caller says the lag is unknown
      LOG.debug("cannot read the consumer lag", e);
      return Optional.empty();
    }
  }

  /** The processor's state, or CREATED when it has not been built yet. */
  public KafkaStreams.State state() {
    KafkaStreams current = streams.get();
    return current == null ? KafkaStreams.State.CREATED : current.state();
  }

  /** Running or rebalancing: able to answer (perhaps after a retry). */
  public boolean healthy() {
    return state() == KafkaStreams.State.RUNNING || state() == KafkaStreams.State.REBALANCING;
  }

  public ObjectNode report() {
    ObjectNode report = mapper.createObjectNode();
    report.put("status", healthy() ? "UP" : "DOWN");
    report.put("state", state().name());
    report.put("applicationId", applicationId);
    com.fasterxml.jackson.databind.node.ArrayNode instances = report.putArray("instances");
    queries.instances().forEach(instances::add);
    ObjectNode lagNode = report.putObject("lag");
    try {
      Map<String, Long> perInput = lag.lagPerInput();
      long total = 0;
      for (Map.Entry<String, Long> input : perInput.entrySet()) {
        lagNode.put(input.getKey(), input.getValue());
        total += input.getValue();
      }
      report.put("totalLag", total);
    } catch (Exception e) {
      // the lag is advisory: the state above still tells whether queries can be answered
      LOG.debug("cannot read the consumer lag", e);
      report.putNull("totalLag");
      report.put("lagError", String.valueOf(e.getMessage()));
    }
    return report;
  }
}
