package io.paperstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Every path the HTTP server answers, with what it answers: one list that the routes' 405s, the
 * index at {@code GET /api} and the 404 for any other path are made from, so a reader who guesses
 * a path is told the ones that exist. The README's query API table says each in full.
 */
final class ApiEndpoints {

  /** One path (in Javalin's syntax), its query parameters, and what it answers in a line. */
  record Endpoint(String path, String parameters, String about) {}

  static final String INDEX = "/api";

  static final List<Endpoint> ALL = List.of(
      new Endpoint("/api/trending", "date, days, limit, minSupport",
          "the keywords with the most papers in the days ending at a date, with their growth"),
      new Endpoint("/api/keywords/{keyword}/series", "from, to", "a keyword's papers per day"),
      new Endpoint("/api/papers/<id>/related", "limit", "papers related to a paper by the specific keywords they share"),
      new Endpoint("/api/keyword-papers", "keyword (1-100 times)", "how many papers have each keyword"),
      new Endpoint("/api/emerging", "date, limit", "keywords new or bursting against their own history"),
      new Endpoint("/api/papers/<id>", "", "one paper (an arXiv id as pasted: v2, arXiv:, abs link)"),
      new Endpoint("/api/papers", "keyword, author, from, to, limit, cursor", "papers, newest first"),
      new Endpoint("/api/papers-per-day", "", "exact papers per published date, and the default date"),
      new Endpoint("/api/search", "q, from, to, limit, sort", "full-text search over titles, abstracts, authors, keywords"),
      new Endpoint("/api/listings/{period}/{date}", "keyword, author, limit, cursor",
          "a day's, week's or month's papers, most upvoted first"),
      new Endpoint("/api/summary", "", "what the dashboard shows: state, papers, entries, dead letters, lag"),
      new Endpoint("/api/health", "", "running or not (503), instances and lag"),
      new Endpoint(INDEX, "", "this list"),
      new Endpoint("/metrics", "", "Prometheus metrics"),
      new Endpoint("/feed.xml", "keyword, author or q", "Atom feed of the 50 newest papers"),
      new Endpoint("/feed.json", "keyword, author or q", "JSON Feed of the 50 newest papers"),
      new Endpoint("/", "", "the dashboard"));

  private ApiEndpoints() {}

  /** The answer of {@code GET /api}: every endpoint, in the order above. */
  static ObjectNode index(ObjectMapper mapper) {
    ObjectNode answer = mapper.createObjectNode();
    answer.put("methods", "GET, HEAD");
    ALL.forEach(endpoint -> answer.withArray("endpoints").addObject()
        .put("path", endpoint.path().replace('<', '{').replace('>', '}'))
        .put("parameters", endpoint.parameters())
        .put("about", endpoint.about()));
    return answer;
  }

  /** What a 404 for a path no route answers says. */
  static String notFound(String method, String path) {
    return "no endpoint " + method + " " + path + ": GET " + INDEX + " lists them";
  }
}
