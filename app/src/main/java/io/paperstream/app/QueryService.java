package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.normalize.EntryNormalizer;
import io.paperstream.processor.search.SearchIndex;
import io.paperstream.processor.topology.PaperIndex;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RecordJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The answers of the query API, from the processor's state stores (Kafka Streams interactive
 * queries), whichever instance holds them.
 *
 * <p>Where the data lives decides how a query is answered ({@link InstanceRouter}). Trends and
 * series come from the trend stores, which sit on one partition and so on one instance:
 * answered there ({@link TrendQuery}), forwarded if that is another instance. A paper lives on
 * the partition of its id: forwarded to the owner of the key. A paper list reads each
 * instance's {@link PaperIndex} and merges their pages ({@link PaperLists}); paper counts are
 * summed the same way ({@link PaperCounts}). A request marked local (see
 * {@link Forwarder#LOCAL_HEADER}) is answered from local state only.
 */
public final class QueryService {

  static final int SMALL_MIN_SUPPORT = 1;
  static final int LARGE_MIN_SUPPORT = 2;
  static final int LARGE_WINDOW_PAPERS = 100;

  private final InstanceRouter router;
  private final KeywordExtractor keywords;
  private final ObjectMapper mapper;
  private final TrendQuery trends;
  private final PaperLists lists;
  private final PaperCounts counts;
  private final RelatedQuery related;
  private final EmergingQuery emerging;
  private final SearchQuery search;
  private final Listings listings;
  private final RecordJson json = new RecordJson();

  public QueryService(KeywordExtractor keywords, ObjectMapper mapper) {
    this(keywords, mapper, Forwarder.plain(mapper));
  }

  QueryService(KeywordExtractor keywords, ObjectMapper mapper, Forwarder forwarder) {
    this.keywords = keywords;
    this.mapper = mapper;
    this.router = new InstanceRouter(forwarder);
    this.trends = new TrendQuery(mapper);
    this.lists = new PaperLists(mapper);
    this.counts = new PaperCounts(mapper);
    this.related = new RelatedQuery(this, router, mapper);
    this.emerging = new EmergingQuery(this, router, mapper);
    this.search = new SearchQuery(router, mapper);
    this.listings = new Listings(router, mapper);
  }

  /**
   * The processor to query; until it is attached, every query answers 503 (the HTTP server
   * starts first, because the processor must be told the server's address).
   *
   * @param self this instance's {@code application.server}, as other instances reach it; null
   *     when there is none, and then every query is answered locally
   */
  public void attach(KafkaStreams streams, HostInfo self) {
    router.attach(streams, self);
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
   * See {@link TrendQuery#trending}. Without a date: the {@linkplain PaperCounts#defaultDate
   * default date}. Without a minimum support: {@value #SMALL_MIN_SUPPORT}, or
   * {@value #LARGE_MIN_SUPPORT} once the window holds {@value #LARGE_WINDOW_PAPERS} papers or
   * more (on a small data set every keyword counts; on a real one a keyword of a single paper is
   * an anecdote, not a trend).
   */
  public JsonNode trending(LocalDate requested, int days, int limit, Integer requestedSupport, boolean localOnly) {
    LocalDate date = requested;
    int minSupport = requestedSupport == null ? SMALL_MIN_SUPPORT : requestedSupport;
    if (!localOnly && (requested == null || requestedSupport == null)) {
      JsonNode perDay = paperCounts(false);
      if (date == null && perDay.path("defaultDate").isTextual()) {
        date = LocalDate.parse(perDay.path("defaultDate").asText());
      }
      if (requestedSupport == null && date != null) {
        minSupport = papersWithin(perDay, date.minusDays(days - 1L), date) >= LARGE_WINDOW_PAPERS
            ? LARGE_MIN_SUPPORT : SMALL_MIN_SUPPORT;
      }
    }
    Optional<HostInfo> owner = localOnly ? Optional.empty() : router.remoteOwner(PaperTopology.TRENDS_BY_DATE_STORE, "");
    if (owner.isPresent()) {
      return router.forward(owner.get(), "/api/trending" + UrlQuery.of(Map.of(
          "date", date == null ? "" : date.toString(), "days", String.valueOf(days), "limit", String.valueOf(limit),
          "minSupport", String.valueOf(minSupport))));
    }
    LocalDate on = date;
    int support = minSupport;
    return InstanceRouter.local(() -> trends.trending(
        router.store(PaperTopology.TRENDS_BY_DATE_STORE), on, days, limit, support));
  }

  /** A keyword's papers per day from {@code from} to {@code to} (default: its first and last day), zeros included. */
  public JsonNode series(String keyword, LocalDate from, LocalDate to, boolean localOnly) {
    String canonical = canonical(keyword);
    checkOrder(from, to);
    Optional<HostInfo> owner = localOnly ? Optional.empty() : router.remoteOwner(PaperTopology.TRENDS_BY_KEYWORD_STORE, "");
    if (owner.isPresent()) {
      return router.forward(owner.get(), "/api/keywords/" + UrlQuery.encode(keyword) + "/series" + UrlQuery.of(Map.of(
          "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString())));
    }
    return InstanceRouter.local(() -> trends.series(
        router.store(PaperTopology.TRENDS_BY_KEYWORD_STORE), keyword, canonical, from, to));
  }

  /** One paper record by its id; an arXiv id may carry a version or its {@code arXiv:} prefix. */
  public JsonNode paper(String asWritten, boolean localOnly) {
    String id = EntryNormalizer.paperKeyOf(asWritten);
    Optional<HostInfo> owner = localOnly ? Optional.empty() : router.remoteOwner(PaperTopology.PAPERS_STORE, id);
    if (owner.isPresent()) {
      return router.forward(owner.get(), "/api/papers/" + UrlQuery.idPath(id));
    }
    return InstanceRouter.local(() -> {
      Paper paper = router.<Paper>store(PaperTopology.PAPERS_STORE).get(id);
      if (paper == null) {
        throw ApiError.notFound("no paper with id '" + id + "'");
      }
      return json.toJson(paper);
    });
  }

  /**
   * A page of papers, newest first (published date, then first seen, then id), optionally with
   * a keyword and within dates, after {@code cursor} (the {@code next} of the previous page).
   */
  public JsonNode papers(String keyword, LocalDate from, LocalDate to, String cursor, int limit, boolean localOnly) {
    return papers(keyword, null, from, to, cursor, limit, localOnly);
  }

  /** The same, of one author's papers instead (the name's case and spacing do not matter). */
  public JsonNode papers(String keyword, String author, LocalDate from, LocalDate to, String cursor, int limit,
      boolean localOnly) {
    if (keyword != null && author != null) {
      throw ApiError.badRequest("parameters 'keyword' and 'author' cannot be combined on a paper list: give one");
    }
    String canonical = keyword == null ? null : canonical(keyword);
    String list = author == null ? canonical : PaperIndex.authorList(author);
    checkOrder(from, to);
    String after = PaperLists.decodeCursor(cursor);
    // one more than asked: the merged list then knows whether a next page exists
    List<PaperLists.Listed> found = new ArrayList<>();
    if (router.holdsSomeOf(PaperTopology.PAPERS_STORE, localOnly)) {
      found.addAll(InstanceRouter.local(() -> lists.localPage(router, list, from, to, after, limit + 1)));
    }
    if (localOnly) {
      return lists.localAnswer(found);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("keyword", keyword);
    params.put("author", author);
    params.put("from", from == null ? null : from.toString());
    params.put("to", to == null ? null : to.toString());
    params.put("cursor", cursor);
    params.put("limit", String.valueOf(limit));
    router.gather(router.othersHolding(PaperTopology.PAPERS_STORE, false), "/api/papers" + UrlQuery.of(params))
        .forEach(answer -> found.addAll(PaperLists.fromAnswer(answer)));
    ObjectNode answer = mapper.createObjectNode();
    if (keyword != null) {
      answer.put("keyword", keyword).put("canonical", canonical);
    }
    if (author != null) {
      answer.put("author", author);
    }
    answer.setAll(lists.merge(found, limit));
    return answer;
  }

  /** Papers related to paper {@code id} by their shared specific keywords: {@link RelatedQuery#related}. */
  public JsonNode related(String id, int limit, String plan, boolean localOnly) {
    return related.related(EntryNormalizer.paperKeyOf(id), limit, plan, localOnly);
  }

  /** Papers in all and with each keyword: {@link RelatedQuery#keywordPapers}. */
  public JsonNode keywordPapers(List<String> keywords, boolean localOnly) {
    return related.keywordPapers(keywords, localOnly);
  }

  /** A date's emerging keywords: {@link EmergingQuery#emerging}. */
  public JsonNode emerging(LocalDate date, int limit, boolean localOnly) {
    return emerging.emerging(date, limit, localOnly);
  }

  /** See {@link SearchQuery#search}. */
  public JsonNode search(String text, LocalDate from, LocalDate to, int limit, SearchIndex.Order order,
      boolean localOnly) {
    checkOrder(from, to);
    return search.search(text, from, to, limit, order, localOnly);
  }

  /** The newest {@code limit} papers that match {@code text} (a search's feed). */
  public JsonNode searchPapers(String text, int limit) {
    ArrayNode papers = mapper.createArrayNode();
    search(text, null, null, limit, SearchIndex.Order.NEWEST, false).path("results")
        .forEach(result -> papers.add(result.path("paper")));
    return papers;
  }

  /** See {@link Listings#span} and {@link Listings#listing}. */
  public JsonNode listing(String period, String date, String keyword, String author, String cursor, int limit,
      boolean localOnly) {
    Listings.Span span = Listings.span(period, date);
    return listings.listing(span, keyword, keyword == null ? null : canonical(keyword), author, cursor, limit, localOnly);
  }

  /** Papers per published date over every instance: {@code {"total", "defaultDate", "days"}}. */
  public JsonNode paperCounts(boolean localOnly) {
    Map<String, Long> perDate = new TreeMap<>();
    if (router.holdsSomeOf(PaperTopology.PAPERS_STORE, localOnly)) {
      perDate.putAll(InstanceRouter.local(() -> counts.local(router)));
    }
    router.gather(router.othersHolding(PaperTopology.PAPERS_STORE, localOnly), "/api/papers-per-day")
        .forEach(answer -> PaperCounts.addFrom(answer, perDate));
    return counts.answer(perDate);
  }

  /** The latest date with a meaningful number of papers ({@link PaperCounts#defaultDate}); null without papers. */
  public LocalDate defaultDate() {
    JsonNode date = paperCounts(false).path("defaultDate");
    return date.isTextual() ? LocalDate.parse(date.asText()) : null;
  }

  /** The instances of the application as Kafka Streams knows them, this one first. */
  public List<String> instances() {
    return router.instances();
  }

  private static long papersWithin(JsonNode perDay, LocalDate from, LocalDate to) {
    long papers = 0;
    for (JsonNode day : perDay.path("days")) {
      if (day.path("date").isTextual()) {
        LocalDate date = LocalDate.parse(day.path("date").asText());
        papers += date.isBefore(from) || date.isAfter(to) ? 0 : day.path("count").asLong();
      }
    }
    return papers;
  }

  private static void checkOrder(LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiError.badRequest("from (" + from + ") is after to (" + to + ")");
    }
  }
}
