package io.paperstream.processor.search;

import java.util.List;
import org.apache.lucene.search.Query;

/** The papers of an index that match a query, best first (BM25). */
public interface SearchIndex {

  /** One match: the paper's id and its relevance. */
  record Hit(String paperId, float score) {}

  /** How hits are ordered: by relevance (BM25), or newest first (published date, then first seen). */
  enum Order { RELEVANCE, NEWEST }

  /** The first {@code count} papers matching {@code query} in {@code order}. */
  List<Hit> search(Query query, int count, Order order);

  /** The best {@code count} papers for {@code query}, best first. */
  default List<Hit> search(Query query, int count) {
    return search(query, count, Order.RELEVANCE);
  }
}
