package io.paperstream.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.ingest.feed.FeedMetrics;
import io.paperstream.ingest.feed.FeedStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The feed's status as JSON, for {@code /api/health} and the dashboard: {@code "feed": null} when
 * this process does not run the feed, else {@code {"state": "starting"|"ok"|"failing",
 * "lastSuccessAt", "failuresInARow", "lastError", "lastFailureAt", "nextAttemptAt", "cycles",
 * "fetches": {"ok", "failed"}}} (times ISO-8601, UTC).
 */
final class FeedStatusJson {

  private FeedStatusJson() {}

  /** Adds {@code "feed"} to {@code report} and returns it. */
  static ObjectNode addTo(ObjectNode report, Optional<FeedMetrics> feed) {
    if (feed.isEmpty()) {
      report.putNull("feed");
      return report;
    }
    FeedStatus status = feed.get().status();
    ObjectNode node = report.putObject("feed");
    node.put("state", status.failing() ? "failing" : status.lastSuccessAt() == null ? "starting" : "ok");
    node.put("lastSuccessAt", text(status.lastSuccessAt()));
    node.put("failuresInARow", status.failuresInARow());
    node.put("lastError", status.lastError());
    node.put("lastFailureAt", text(status.lastFailureAt()));
    node.put("nextAttemptAt", text(status.nextAttemptAt()));
    node.put("cycles", feed.get().cycles());
    node.putObject("fetches").put("ok", feed.get().fetchesOk()).put("failed", feed.get().fetchFailures());
    return report;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
