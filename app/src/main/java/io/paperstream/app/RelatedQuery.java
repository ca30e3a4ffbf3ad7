package io.paperstream.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.topology.PaperTopology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code /api/papers/{id}/related} and {@code /api/keyword-papers} over every instance, in two
 * gathers: first each keyword's papers (summed, to weigh the keywords), then each instance's
 * best candidates under those weights (the {@code plan} a forwarded request carries), merged.
 */
final class RelatedQuery {

  private final QueryService queries;
  private final InstanceRouter router;
  private final ObjectMapper mapper;
  private final RelatedPapers related;

  RelatedQuery(QueryService queries, InstanceRouter router, ObjectMapper mapper) {
    this.queries = queries;
    this.router = router;
    this.mapper = mapper;
    this.related = new RelatedPapers(mapper);
  }

  /**
   * Papers in all and with each keyword, over every instance: {@code {"papers", "frequencies":
   * {keyword: papers}}}. Asked locally, the keywords are taken as stored (canonical).
   */
  JsonNode keywordPapers(List<String> keywords, boolean localOnly) {
    return frequencies(localOnly ? keywords : keywords.stream().map(queries::canonical).distinct().toList(), localOnly);
  }

  /**
   * The papers related to paper {@code id}, best first. A forwarded request carries the
   * {@code plan} (weights and keywords to follow) and is answered with this instance's best
   * candidates only.
   */
  JsonNode related(String id, int limit, String plan, boolean localOnly) {
    if (plan != null) {
      if (!localOnly) {
        throw ApiError.badRequest("parameter 'plan' is only for the instances of this application");
      }
      ObjectNode answer = mapper.createObjectNode();
      answer.set("related", related.toJson(InstanceRouter.local(
          () -> related.localCandidates(router, id, parsePlan(plan), limit))));
      return answer;
    }
    JsonNode paper = queries.paper(id, localOnly);
    List<String> keywords = new ArrayList<>();
    paper.path("keywords").forEach(k -> keywords.add(k.asText()));
    // the paper's keywords are stored canonical: counted as they are
    JsonNode frequencies = frequencies(keywords.stream().distinct().toList(), localOnly);
    RelatedPapers.Plan weighed = RelatedPapers.plan(frequencies);
    List<RelatedPapers.Scored> gathered = new ArrayList<>();
    if (router.holdsSomeOf(PaperTopology.PAPERS_STORE, localOnly)) {
      gathered.addAll(InstanceRouter.local(() -> related.localCandidates(router, id, weighed, limit)));
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("limit", String.valueOf(limit));
    params.put("plan", writePlan(weighed));
    router.gather(router.othersHolding(PaperTopology.PAPERS_STORE, localOnly),
            "/api/papers/" + UrlQuery.idPath(id) + "/related" + UrlQuery.of(params))
        .forEach(answer -> gathered.addAll(RelatedPapers.fromJson(answer.path("related"))));
    return related.answer(paper, frequencies, weighed, gathered, limit);
  }

  private JsonNode frequencies(List<String> canonical, boolean localOnly) {
    List<JsonNode> answers = new ArrayList<>();
    if (router.holdsSomeOf(PaperTopology.PAPERS_STORE, localOnly)) {
      answers.add(InstanceRouter.local(() -> related.localFrequencies(router, canonical)));
    }
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    canonical.forEach(keyword -> query.add("keyword=" + UrlQuery.encode(keyword)));
    answers.addAll(router.gather(router.othersHolding(PaperTopology.PAPERS_STORE, localOnly),
        "/api/keyword-papers" + query));
    return RelatedPapers.sum(mapper, answers);
  }

  private String writePlan(RelatedPapers.Plan plan) {
    try {
      return mapper.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map and a list always serialize", e);
    }
  }

  private RelatedPapers.Plan parsePlan(String plan) {
    try {
      RelatedPapers.Plan parsed = mapper.readValue(plan, RelatedPapers.Plan.class);
      if (parsed.weights() != null && parsed.scan() != null) {
        return parsed;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw ApiError.badRequest("parameter 'plan' is not a plan this application wrote");
  }
}
