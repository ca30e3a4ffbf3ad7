package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.search.InvalidQueryException;
import io.paperstream.processor.search.PaperHighlighter;
import io.paperstream.processor.search.PaperQueries;
import io.paperstream.processor.search.SearchIndex;
import io.paperstream.processor.search.SearchIndexStore;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RecordJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code /api/search}: every instance searches the {@link SearchIndexStore} partitions it holds
 * (BM25 over titles, abstracts, authors and keywords) and answers its best {@code limit} with
 * their highlights; the asking instance merges them by score, as paper lists merge pages. Scores
 * of different instances come from their own index statistics, which the hash partitioning of
 * papers keeps alike.
 */
final class SearchQuery {

  static final int MAX_LIMIT = 100;

  /** One result: the paper as JSON, its score and its highlights. */
  private record Result(double score, JsonNode result) {
    String paperId() {
      return result.path("paper").path("paperId").asText();
    }
  }

  private static final Comparator<Result> BEST_FIRST = Comparator.comparingDouble(Result::score).reversed()
      .thenComparing(Result::paperId);
  // as the paper lists: published date (none last), then first seen, newest first; then id
  private static final Comparator<Result> NEWEST_FIRST = Comparator
      .comparing((Result r) -> r.result().path("paper").path("publishedDate").asText(""), Comparator.reverseOrder())
      .thenComparing(r -> Instant.parse(r.result().path("paper").path("firstSeen").asText()), Comparator.reverseOrder())
      .thenComparing(Result::paperId);

  private final InstanceRouter router;
  private final ObjectMapper mapper;
  private final RecordJson json = new RecordJson();
  private final PaperHighlighter highlighter = new PaperHighlighter();

  SearchQuery(InstanceRouter router, ObjectMapper mapper) {
    this.router = router;
    this.mapper = mapper;
  }

  /** The order of {@code sort}: {@code relevance} (the default) or {@code newest}; a 400 otherwise. */
  static SearchIndex.Order order(String sort) {
    if (sort == null || sort.equals("relevance")) {
      return SearchIndex.Order.RELEVANCE;
    }
    if (sort.equals("newest")) {
      return SearchIndex.Order.NEWEST;
    }
    throw ApiError.badRequest("parameter 'sort' must be relevance or newest, not '" + sort + "'");
  }

  /** The first {@code limit} papers that match {@code text} and were published within the dates, in {@code order}. */
  JsonNode search(String text, LocalDate from, LocalDate to, int limit, SearchIndex.Order order, boolean localOnly) {
    Query query = parse(text);
    Query filtered = PaperQueries.within(query, from, to);
    List<Result> found = new ArrayList<>();
    if (router.holdsSomeOf(PaperTopology.PAPERS_STORE, localOnly)) {
      found.addAll(InstanceRouter.local(() -> local(query, filtered, limit, order)));
    }
    if (!localOnly) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("q", text);
      params.put("from", from == null ? null : from.toString());
      params.put("to", to == null ? null : to.toString());
      params.put("limit", String.valueOf(limit));
      params.put("sort", order == SearchIndex.Order.NEWEST ? "newest" : null);
      router.gather(router.othersHolding(PaperTopology.PAPERS_STORE, false), "/api/search" + UrlQuery.of(params))
          .forEach(answer -> answer.path("results").forEach(result ->
              found.add(new Result(result.path("score").asDouble(), result))));
    }
    ObjectNode answer = mapper.createObjectNode();
    answer.put("q", text);
    answer.put("from", from == null ? null : from.toString());
    answer.put("to", to == null ? null : to.toString());
    answer.put("sort", order == SearchIndex.Order.NEWEST ? "newest" : "relevance");
    answer.set("results", first(found, limit, order == SearchIndex.Order.NEWEST ? NEWEST_FIRST : BEST_FIRST));
    return answer;
  }

  /** The query of {@code q}; a 400 naming the parameter and the reason when it is none. */
  static Query parse(String text) {
    if (text == null) {
      throw ApiError.badRequest("parameter 'q' is required: the words to search for");
    }
    try {
      return PaperQueries.parse(text);
    } catch (InvalidQueryException e) {
      throw ApiError.badRequest("parameter 'q': " + e.getMessage());
    }
  }

  private List<Result> local(Query query, Query filtered, int limit, SearchIndex.Order order) {
    List<SearchIndex.Hit> hits;
    try {
      hits = router.store(SearchIndexStore.NAME, SearchIndexStore.queryType()).search(filtered, limit, order);
    } catch (InvalidQueryException e) {
      throw ApiError.badRequest("parameter 'q': " + e.getMessage());
    }
    ReadOnlyKeyValueStore<String, Paper> papers = router.store(PaperTopology.PAPERS_STORE);
    List<Result> results = new ArrayList<>();
    for (SearchIndex.Hit hit : hits) {
      Paper paper = papers.get(hit.paperId());
      if (paper != null) { // null: removed since the search
        ObjectNode result = mapper.createObjectNode();
        double score = Math.round(hit.score() * 1000) / 1000.0; // as other instances send it
        result.put("score", score);
        ObjectNode highlights = result.putObject("highlights");
        highlights.set("title", highlight(highlighter.title(query, paper.getTitle())));
        highlights.set("abstract", highlight(highlighter.abstractText(query, paper.getAbstract$())));
        result.set("paper", json.toJson(paper));
        results.add(new Result(score, result));
      }
    }
    return results;
  }

  private JsonNode highlight(PaperHighlighter.Highlight highlight) {
    if (highlight == null) {
      return mapper.nullNode();
    }
    ObjectNode node = mapper.createObjectNode().put("text", highlight.text());
    ArrayNode matches = node.putArray("matches");
    highlight.matches().forEach(range -> matches.addArray().add(range[0]).add(range[1]));
    return node;
  }

  private ArrayNode first(List<Result> found, int limit, Comparator<Result> order) {
    List<Result> sorted = new ArrayList<>(found);
    sorted.sort(order);
    ArrayNode results = mapper.createArrayNode();
    Set<String> ids = new HashSet<>();
    for (Result result : sorted) {
      if (results.size() == limit) {
        break;
      }
      if (ids.add(result.paperId())) { // the same paper from two instances while its partition moves
        results.add(result.result());
      }
    }
    return results;
  }
}
