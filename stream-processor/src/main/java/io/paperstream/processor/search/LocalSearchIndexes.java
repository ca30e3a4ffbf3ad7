package io.paperstream.processor.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * Searches the partitions an instance holds as one index (one reader over all of them), so that
 * their BM25 statistics (document frequencies, average lengths) are those of every local paper.
 */
final class LocalSearchIndexes {

  private static final Set<String> ID_ONLY = Set.of(PaperDocuments.ID);

  private LocalSearchIndexes() {}

  private static final Sort NEWEST = new Sort(new SortField(PaperDocuments.NEWEST, SortField.Type.LONG, true),
      SortField.FIELD_SCORE);

  static List<SearchIndex.Hit> search(List<SearchIndexStore> partitions, Query query, int count,
      SearchIndex.Order order) {
    List<SearchIndex.Hit> hits = new ArrayList<>();
    if (partitions.isEmpty()) {
      return hits;
    }
    partitions.forEach(SearchIndexStore::checkReady);
    List<SearchIndexStore> held = new ArrayList<>();
    List<IndexSearcher> acquired = new ArrayList<>();
    try {
      for (SearchIndexStore partition : partitions) {
        acquired.add(partition.acquire());
        held.add(partition);
      }
      IndexReader[] readers = acquired.stream().map(IndexSearcher::getIndexReader).toArray(IndexReader[]::new);
      try (MultiReader all = new MultiReader(readers, false)) {
        IndexSearcher searcher = new IndexSearcher(all);
        TopDocs top = order == SearchIndex.Order.NEWEST ? searcher.search(query, count, NEWEST, true)
            : byRelevance(searcher, query, count);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc doc : top.scoreDocs) {
          hits.add(new SearchIndex.Hit(stored.document(doc.doc, ID_ONLY).get(PaperDocuments.ID), doc.score));
        }
      }
      return hits;
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException("the query matches too many words (a prefix that is too short?)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the local search index", e);
    } finally {
      for (int i = 0; i < acquired.size(); i++) {
        try {
          held.get(i).release(acquired.get(i));
        } catch (IOException e) {
          // a release only decrements a reference count in memory
          throw new UncheckedIOException("cannot release a searcher", e);
        }
      }
    }
  }

  /** By score, then document order; a title-phrase bonus re-scores the words' best hits only (see {@link TitlePhraseBonus}). */
  private static TopDocs byRelevance(IndexSearcher searcher, Query query, int count) throws IOException {
    if (query instanceof TitlePhraseBonus bonus) {
      TopDocs words = searcher.search(bonus.words(), Math.max(count, TitlePhraseBonus.WINDOW));
      return QueryRescorer.rescore(searcher, words, bonus.phrase(), bonus.weight(), count);
    }
    return searcher.search(query, count);
  }
}
