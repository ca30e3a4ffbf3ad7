package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.processor.trend.TrendScore;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RecordJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The answers of the query API, from the processor's state stores (Kafka Streams interactive
 * queries), whichever instance holds them.
 *
 * <p>Where the data lives decides how a query is answered. Trends and series come from the
 * trend stores, which sit on one partition and so on one instance: a query is answered there,
 * forwarded if that is another instance. A paper lives on the partition of its id: forwarded to
 * the owner of the key. A paper list filters every paper: each instance filters its own
 * partitions and the asking instance merges ("scatter-gather"). A request marked local (see
 * {@link Forwarder#LOCAL_HEADER}) is answered from local state only.
 */
public final class QueryService {

  /** Longest series one request may ask for (ten years of days), so no request builds a huge answer. */
  static final int MAX_SERIES_DAYS = 3_660;

  private static final String SEP = "|";
  private static final Comparator<JsonNode> NEWEST_FIRST = Comparator
      .comparing((JsonNode p) -> p.path("publishedDate").asText(""), Comparator.reverseOrder())
      .thenComparing(p -> instant(p.path("firstSeen")), Comparator.reverseOrder())
      .thenComparing(p -> p.path("paperId").asText());

  private final Forwarder forwarder;
  private final KeywordExtractor keywords;
  private final ObjectMapper mapper;
  private final RecordJson json = new RecordJson();
  private volatile KafkaStreams streams;
  private volatile HostInfo self;

  public QueryService(KeywordExtractor keywords, ObjectMapper mapper) {
    this.keywords = keywords;
    this.mapper = mapper;
    this.forwarder = new Forwarder(mapper);
  }

  /**
   * The processor to query; until it is attached, every query answers 503 (the HTTP server
   * starts first, because the processor must be told the server's address).
   *
   * @param self this instance's {@code application.server}, as other instances reach it; null
   *     when there is none, and then every query is answered locally
   */
  public void attach(KafkaStreams streams, HostInfo self) {
    this.self = self;
    this.streams = streams;
  }

  /** The keyword as the topology counts it: {@code LLMs} becomes {@code large language model}. */
  public String canonical(String keyword) {
    String canonical = keyword == null ? null : keywords.canonical(keyword);
    if (canonical == null || canonical.isBlank()) {
      throw ApiError.badRequest("keyword '" + keyword + "' has no countable form (empty or a stop word)");
    }
    return canonical;
  }

  /**
   * Top keywords over the {@code days} days ending at {@code date} (default: the latest date
   * with counts). Per keyword: {@code count} = papers in the window, {@code countOnDate},
   * {@code baseline} = papers over the 4 × days days before the window, and
   * {@code growth = (count + 1) / (baseline / 4 + 1)} ({@link TrendScore#growth}: for days = 7
   * exactly the growth of {@code keyword-trends}). Ranked by count, then growth, then count on
   * the date, then keyword.
   */
  public JsonNode trending(LocalDate date, int days, int limit, boolean localOnly) {
    Optional<HostInfo> owner = localOnly ? Optional.empty() : remoteOwner(PaperTopology.TRENDS_BY_DATE_STORE, "");
    if (owner.isPresent()) {
      return forwarder.get(owner.get(), "/api/trending" + query(Map.of(
          "date", date == null ? "" : date.toString(), "days", String.valueOf(days), "limit", String.valueOf(limit))));
    }
    return local(() -> localTrending(date, days, limit));
  }

  /** A keyword's papers per day from {@code from} to {@code to} (default: its first and last day), zeros included. */
  public JsonNode series(String keyword, LocalDate from, LocalDate to, boolean localOnly) {
    String canonical = canonical(keyword);
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiError.badRequest("from (" + from + ") is after to (" + to + ")");
    }
    Optional<HostInfo> owner = localOnly ? Optional.empty() : remoteOwner(PaperTopology.TRENDS_BY_KEYWORD_STORE, "");
    if (owner.isPresent()) {
      return forwarder.get(owner.get(), "/api/keywords/" + encode(keyword) + "/series" + query(Map.of(
          "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString())));
    }
    return local(() -> localSeries(keyword, canonical, from, to));
  }

  /** One paper record by its id. */
  public JsonNode paper(String id, boolean localOnly) {
    Optional<HostInfo> owner = localOnly ? Optional.empty() : remoteOwner(PaperTopology.PAPERS_STORE, id);
    if (owner.isPresent()) {
      return forwarder.get(owner.get(), "/api/papers/" + encode(id));
    }
    return local(() -> {
      Paper paper = this.<Paper>store(PaperTopology.PAPERS_STORE).get(id);
      if (paper == null) {
        throw ApiError.notFound("no paper with id '" + id + "'");
      }
      return json.toJson(paper);
    });
  }

  /** Papers, newest first (published date, then first seen), optionally with a keyword and within dates. */
  public JsonNode papers(String keyword, LocalDate from, LocalDate to, int limit, boolean localOnly) {
    String canonical = keyword == null ? null : canonical(keyword);
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiError.badRequest("from (" + from + ") is after to (" + to + ")");
    }
    List<HostInfo> others = localOnly || self == null ? List.of() : otherHostsOf(PaperTopology.PAPERS_STORE);
    // An instance may hold no partition of the papers (more instances than partitions).
    boolean holdsSome = localOnly || self == null || hostsOf(PaperTopology.PAPERS_STORE).contains(self);
    List<JsonNode> found = new ArrayList<>(holdsSome ? local(() -> localPapers(canonical, from, to, limit)) : List.of());
    if (!others.isEmpty()) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("keyword", keyword == null ? "" : keyword);
      params.put("from", from == null ? "" : from.toString());
      params.put("to", to == null ? "" : to.toString());
      params.put("limit", String.valueOf(limit));
      // all at once, so that a list costs one round trip (at most the forwarding timeout)
      List<CompletableFuture<JsonNode>> answers = others.stream()
          .map(other -> CompletableFuture.supplyAsync(() -> forwarder.get(other, "/api/papers" + query(params))))
          .toList();
      for (CompletableFuture<JsonNode> answer : answers) {
        try {
          answer.join().path("papers").forEach(found::add);
        } catch (CompletionException e) {
          throw e.getCause() instanceof ApiError error ? error : e;
        }
      }
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    found.stream().sorted(NEWEST_FIRST).forEach(p -> byId.putIfAbsent(p.path("paperId").asText(), p));
    ObjectNode answer = mapper.createObjectNode();
    if (keyword != null) {
      answer.put("keyword", keyword).put("canonical", canonical);
    }
    ArrayNode papers = answer.putArray("papers");
    byId.values().stream().limit(limit).forEach(papers::add);
    return answer;
  }

  /** The instances of the application as Kafka Streams knows them, this one first. */
  public List<String> instances() {
    List<String> all = new ArrayList<>();
    if (self != null) {
      all.add(self.host() + ":" + self.port());
    }
    try {
      for (StreamsMetadata metadata : streams().metadataForAllStreamsClients()) {
        String host = metadata.hostInfo().host() + ":" + metadata.hostInfo().port();
        if (!all.contains(host)) {
          all.add(host);
        }
      }
    } catch (StreamsException | ApiError e) {
      // not started yet: only this instance is known
    }
    return all;
  }

  private ObjectNode localTrending(LocalDate requested, int days, int limit) {
    ReadOnlyKeyValueStore<String, Long> byDate = store(PaperTopology.TRENDS_BY_DATE_STORE);
    LocalDate date = requested != null ? requested : latestDate(byDate);
    ObjectNode answer = mapper.createObjectNode();
    answer.put("days", days);
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
    // keys are date|keyword: the range covers every keyword of the days baselineStart..date
    try (KeyValueIterator<String, Long> days5 = byDate.range(baselineStart + SEP, date.plusDays(1).toString())) {
      while (days5.hasNext()) {
        KeyValue<String, Long> kv = days5.next();
        LocalDate day = LocalDate.parse(kv.key.substring(0, 10));
        long[] sums = perKeyword.computeIfAbsent(kv.key.substring(11), k -> new long[3]);
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
    record Row(String keyword, long count, long countOnDate, long baseline, double growth) {}
    List<Row> rows = new ArrayList<>();
    perKeyword.forEach((keyword, sums) -> {
      if (sums[0] > 0) {
        rows.add(new Row(keyword, sums[0], sums[1], sums[2], TrendScore.growth(sums[0], sums[2])));
      }
    });
    rows.sort(Comparator.comparingLong(Row::count).reversed()
        .thenComparing(Comparator.comparingDouble(Row::growth).reversed())
        .thenComparing(Comparator.comparingLong(Row::countOnDate).reversed())
        .thenComparing(Row::keyword));
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

  private ObjectNode localSeries(String keyword, String canonical, LocalDate from, LocalDate to) {
    ReadOnlyKeyValueStore<String, Long> byKeyword = store(PaperTopology.TRENDS_BY_KEYWORD_STORE);
    TreeMap<LocalDate, Long> counts = new TreeMap<>();
    String lower = canonical + SEP + (from == null ? "" : from.toString());
    String upper = canonical + SEP + (to == null ? "9999-12-31" : to.toString());
    try (KeyValueIterator<String, Long> days = byKeyword.range(lower, upper)) {
      while (days.hasNext()) {
        KeyValue<String, Long> kv = days.next();
        counts.put(LocalDate.parse(kv.key.substring(canonical.length() + 1)), kv.value);
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

  private List<JsonNode> localPapers(String canonical, LocalDate from, LocalDate to, int limit) {
    List<Paper> matching = new ArrayList<>();
    try (KeyValueIterator<String, Paper> all = this.<Paper>store(PaperTopology.PAPERS_STORE).all()) {
      while (all.hasNext()) {
        Paper paper = all.next().value;
        if (paper != null && matches(paper, canonical, from, to)) {
          matching.add(paper);
        }
      }
    }
    return matching.stream().map(json::toJson).map(JsonNode.class::cast).sorted(NEWEST_FIRST).limit(limit).toList();
  }

  private static boolean matches(Paper paper, String canonical, LocalDate from, LocalDate to) {
    if (canonical != null && !paper.getKeywords().contains(canonical)) {
      return false;
    }
    LocalDate published = paper.getPublishedDate();
    if ((from != null || to != null) && published == null) {
      return false;
    }
    return (from == null || !published.isBefore(from)) && (to == null || !published.isAfter(to));
  }

  private static LocalDate latestDate(ReadOnlyKeyValueStore<String, Long> byDate) {
    try (KeyValueIterator<String, Long> newest = byDate.reverseAll()) {
      return newest.hasNext() ? LocalDate.parse(newest.next().key.substring(0, 10)) : null;
    }
  }

  // The instance that owns the key's partition of the store, when it is not this one.
  private Optional<HostInfo> remoteOwner(String store, String key) {
    if (self == null) {
      return Optional.empty();
    }
    KeyQueryMetadata metadata;
    try {
      metadata = streams().queryMetadataForKey(store, key, Serdes.String().serializer());
    } catch (StreamsException e) {
      throw ApiError.unavailable("the processor is not ready: " + e.getMessage(), e);
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw ApiError.unavailable("no instance holds " + store + " right now (rebalancing)", null);
    }
    return metadata.activeHost().equals(self) ? Optional.empty() : Optional.of(metadata.activeHost());
  }

  private List<HostInfo> otherHostsOf(String store) {
    return hostsOf(store).stream().filter(host -> !host.equals(self)).toList();
  }

  private List<HostInfo> hostsOf(String store) {
    try {
      return streams().streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo).distinct().toList();
    } catch (StreamsException e) {
      throw ApiError.unavailable("the processor is not ready: " + e.getMessage(), e);
    }
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  private KafkaStreams streams() {
    KafkaStreams current = streams;
    if (current == null) {
      throw ApiError.unavailable("the processor is starting", null);
    }
    return current;
  }

  // A store that moves (rebalance) or restores answers InvalidStateStoreException: retry later.
  private static <T> T local(Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidStateStoreException e) {
      throw ApiError.unavailable("state is not queryable right now (rebalancing or restoring): " + e.getMessage(), e);
    }
  }

  private static String query(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&", "?", "");
    new TreeMap<>(params).forEach((name, value) -> {
      if (!value.isEmpty()) {
        joined.add(name + "=" + encode(value));
      }
    });
    return joined.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Instant instant(JsonNode node) {
    try {
      return node.isTextual() ? Instant.parse(node.asText()) : Instant.EPOCH;
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
