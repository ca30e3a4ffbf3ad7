package io.paperstream.processor.search;

import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A search's words with a bonus for papers whose title holds them in the text's order (see
 * {@link PaperQueries#parse}): score = the words' score + {@link #weight} × the title phrase's.
 *
 * <p>In relevance order {@link LocalSearchIndexes} applies the bonus as a second pass over the
 * words' best {@link #WINDOW} hits: as one boolean query (words required, phrase optional) the
 * phrase's possible bonus weakens Lucene's top-k pruning of the words so much that every paper
 * sharing a word is scored and phrase-checked — a pasted title over 100,000 papers cost 3–4x the
 * CPU of its words alone. Anything else (another order, the highlighter) sees that boolean query,
 * whose scores the two passes reproduce within the window.
 */
public final class TitlePhraseBonus extends Query {

  /** How many of the words' best hits the phrase re-scores: a pasted title's paper is among them. */
  static final int WINDOW = 200;

  private final Query words;
  private final Query phrase;
  private final float weight;

  TitlePhraseBonus(Query words, Query phrase, float weight) {
    this.words = words;
    this.phrase = phrase;
    this.weight = weight;
  }

  Query words() {
    return words;
  }

  Query phrase() {
    return phrase;
  }

  float weight() {
    return weight;
  }

  /** The same bonus over other words (the same words narrowed by a filter, say). */
  TitlePhraseBonus withWords(Query otherWords) {
    return new TitlePhraseBonus(otherWords, phrase, weight);
  }

  /** Words required, the phrase optional and weighted: the bonus in one query. */
  Query asOneQuery() {
    return new BooleanQuery.Builder()
        .add(words, BooleanClause.Occur.MUST)
        .add(new BoostQuery(phrase, weight), BooleanClause.Occur.SHOULD)
        .build();
  }

  @Override
  public Query rewrite(IndexSearcher searcher) {
    return asOneQuery();
  }

  @Override
  public void visit(QueryVisitor visitor) {
    asOneQuery().visit(visitor);
  }

  @Override
  public String toString(String field) {
    return asOneQuery().toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && words.equals(((TitlePhraseBonus) other).words)
        && phrase.equals(((TitlePhraseBonus) other).phrase) && weight == ((TitlePhraseBonus) other).weight;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), words, phrase, weight);
  }
}
