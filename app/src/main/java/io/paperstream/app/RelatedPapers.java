package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.topology.PaperIndex;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RecordJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Papers related to a paper: those sharing its most specific keywords, each shared keyword
 * weighted by its inverse document frequency, {@code ln(papers / papers with the keyword)}.
 *
 * <p>Read from the {@link PaperIndex}, never by scanning papers: the index counts each keyword's
 * papers per partition ({@link #localFrequencies}, summed over the instances) and lists them
 * ({@code k␀<keyword>␀…} keys). Only specific keywords (held by at most
 * {@value #SPECIFIC_SHARE} of the papers, or 2) are followed to candidates, so a paper whose
 * only link is a generic keyword ("large language model") is never related; every shared keyword
 * adds its weight to a candidate's score. Each instance scores the candidates of its own
 * partitions ({@link #localCandidates}); the asking instance merges them.
 */
final class RelatedPapers {

  /** A keyword of at most this share of all papers is specific. */
  static final double SPECIFIC_SHARE = 0.05;
  /** Papers read per keyword and partition at most (newest first): bounds a query's work. */
  static final int MAX_PER_KEYWORD = 2_000;
  /** Candidates scored per instance at most. */
  static final int MAX_CANDIDATES = 5_000;

  /** One scored candidate: its score, the keywords it shares, its order key and its record as JSON. */
  record Scored(double score, List<String> shared, String order, JsonNode paper) {}

  /** What an instance needs to score its candidates: every keyword's weight, and which to follow. */
  record Plan(Map<String, Double> weights, List<String> scan) {}

  private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed()
      .thenComparing(Comparator.comparingInt((Scored s) -> s.shared().size()).reversed())
      .thenComparing(Comparator.comparing(Scored::order).reversed());

  private final ObjectMapper mapper;
  private final RecordJson json = new RecordJson();

  RelatedPapers(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** This instance's papers, and its papers with each keyword (exact, canonical keywords). */
  ObjectNode localFrequencies(InstanceRouter router, Collection<String> keywords) {
    ReadOnlyKeyValueStore<String, String> index = router.store(PaperIndex.STORE);
    long papers = 0;
    try (KeyValueIterator<String, String> counts = index.range(PaperIndex.countsLower(), PaperIndex.countsUpper())) {
      while (counts.hasNext()) {
        papers += Long.parseLong(counts.next().value);
      }
    }
    ObjectNode answer = mapper.createObjectNode().put("papers", papers);
    ObjectNode frequencies = answer.putObject("frequencies");
    for (String keyword : new LinkedHashSet<>(keywords)) {
      // each partition counts its own papers (the composite store's get would give one partition's)
      long count = 0;
      String key = PaperIndex.frequencyKey(keyword);
      for (KeyValueIterator<String, String> partition : router.<String>rangePerPartition(PaperIndex.STORE, key, key)) {
        try (KeyValueIterator<String, String> found = partition) {
          while (found.hasNext()) {
            count += Long.parseLong(found.next().value);
          }
        }
      }
      frequencies.put(keyword, count);
    }
    return answer;
  }

  /** Frequencies as {@link #localFrequencies} wrote them, added up. */
  static ObjectNode sum(ObjectMapper mapper, List<JsonNode> answers) {
    ObjectNode total = mapper.createObjectNode().put("papers", 0L);
    ObjectNode frequencies = total.putObject("frequencies");
    for (JsonNode answer : answers) {
      total.put("papers", total.path("papers").asLong() + answer.path("papers").asLong());
      answer.path("frequencies").properties().forEach(kv ->
          frequencies.put(kv.getKey(), frequencies.path(kv.getKey()).asLong() + kv.getValue().asLong()));
    }
    return total;
  }

  /**
   * The plan for a paper's keywords given the frequencies over every instance: weight
   * {@code ln(papers / frequency)}; keywords of at least 2 papers and at most the specific
   * share are followed, most specific first.
   */
  static Plan plan(JsonNode frequencies) {
    long papers = Math.max(1, frequencies.path("papers").asLong());
    long specific = Math.max(2, (long) Math.floor(papers * SPECIFIC_SHARE));
    Map<String, Double> weights = new LinkedHashMap<>();
    List<String> scan = new ArrayList<>();
    frequencies.path("frequencies").properties().forEach(kv -> {
      long count = Math.max(1, kv.getValue().asLong());
      weights.put(kv.getKey(), Math.log((double) Math.max(papers, count) / count));
      if (count >= 2 && count <= specific) {
        scan.add(kv.getKey());
      }
    });
    scan.sort(Comparator.comparingDouble((String k) -> weights.get(k)).reversed().thenComparing(k -> k));
    return new Plan(weights, scan);
  }

  /** The best {@code limit} candidates of this instance's partitions for paper {@code id}. */
  List<Scored> localCandidates(InstanceRouter router, String id, Plan plan, int limit) {
    Map<String, String> candidates = new LinkedHashMap<>(); // paper id → order key
    for (String keyword : plan.scan()) {
      for (KeyValueIterator<String, String> partition : router.<String>rangePerPartition(PaperIndex.STORE,
          PaperIndex.lower(keyword, null), PaperIndex.upper(keyword, null))) {
        try (KeyValueIterator<String, String> papers = partition) {
          for (int read = 0; read < MAX_PER_KEYWORD && papers.hasNext()
              && candidates.size() < MAX_CANDIDATES; read++) {
            var kv = papers.next();
            if (!kv.value.equals(id)) {
              candidates.putIfAbsent(kv.value, PaperIndex.orderKeyOf(keyword, kv.key));
            }
          }
        }
      }
    }
    ReadOnlyKeyValueStore<String, Paper> papers = router.store(PaperTopology.PAPERS_STORE);
    List<Scored> scored = new ArrayList<>();
    candidates.forEach((candidate, order) -> {
      Paper paper = papers.get(candidate);
      if (paper != null) { // null: removed since the index was read
        List<String> shared = paper.getKeywords().stream().filter(plan.weights()::containsKey).distinct().toList();
        double score = shared.stream().mapToDouble(plan.weights()::get).sum();
        scored.add(new Scored(score, shared, order, json.toJson(paper)));
      }
    });
    return best(scored, limit);
  }

  /** Scored candidates as JSON, for the instance that gathers them. */
  ArrayNode toJson(List<Scored> scored) {
    ArrayNode related = mapper.createArrayNode();
    scored.forEach(s -> {
      ObjectNode entry = related.addObject().put("score", s.score()).put("order", s.order());
      s.shared().forEach(entry.putArray("shared")::add);
      entry.set("paper", s.paper());
    });
    return related;
  }

  /** Scored candidates as {@link #toJson} wrote them. */
  static List<Scored> fromJson(JsonNode related) {
    List<Scored> scored = new ArrayList<>();
    for (JsonNode entry : related) {
      List<String> shared = new ArrayList<>();
      entry.path("shared").forEach(k -> shared.add(k.asText()));
      scored.add(new Scored(entry.path("score").asDouble(), shared, entry.path("order").asText(), entry.path("paper")));
    }
    return scored;
  }

  /** The whole answer: the paper, its keywords with their weights, and the best related papers. */
  ObjectNode answer(JsonNode paper, JsonNode frequencies, Plan plan, List<Scored> gathered, int limit) {
    ObjectNode answer = mapper.createObjectNode();
    answer.put("paperId", paper.path("paperId").asText());
    answer.put("title", paper.path("title").asText());
    answer.put("papers", frequencies.path("papers").asLong());
    ArrayNode keywords = answer.putArray("keywords");
    plan.weights().forEach((keyword, weight) -> keywords.addObject()
        .put("keyword", keyword)
        .put("papers", frequencies.path("frequencies").path(keyword).asLong())
        .put("weight", weight)
        .put("specific", plan.scan().contains(keyword)));
    ArrayNode related = answer.putArray("related");
    for (Scored s : best(gathered, limit)) {
      ObjectNode entry = related.addObject().put("score", s.score());
      s.shared().forEach(entry.putArray("shared")::add);
      entry.set("paper", s.paper());
    }
    return answer;
  }

  // the same paper from two instances while its partition moves counts once
  private static List<Scored> best(List<Scored> all, int limit) {
    List<Scored> sorted = new ArrayList<>(all);
    sorted.sort(BEST_FIRST);
    Set<String> ids = new HashSet<>();
    List<Scored> best = new ArrayList<>();
    for (Scored s : sorted) {
      if (best.size() < limit && ids.add(s.paper().path("paperId").asText())) {
        best.add(s);
      }
    }
    return best;
  }
}
