package io.paperstream.processor.search;

import io.paperstream.processor.normalize.EntryNormalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Search text → Lucene query, in Lucene's classic syntax: words (any field, weighted by
 * {@link PaperDocuments#BOOSTS}), {@code "phrases"}, {@code AND}/{@code OR}/{@code NOT},
 * {@code +must}, {@code -mustNot}, {@code title:}/{@code abstract:}/{@code author:}/{@code keyword:},
 * {@code prefix*}, {@code fuzzy~} and parentheses. Words are alternatives (OR): BM25 ranks the
 * papers that have more of them, and rarer ones, first.
 *
 * <p>Paper titles are full of characters the classic syntax treats as operators; so that a
 * title pasted as it is finds its paper, a colon after a word that is not a field name, a slash
 * (regular expressions are not offered), an exclamation mark and a question mark that ends a word
 * are read as text.
 */
public final class PaperQueries {

  /** Longer texts are refused: a query is typed, not a document. */
  public static final int MAX_LENGTH = 500;

  private static final Pattern FIELD_BEFORE = Pattern.compile("(?:^|[\\s(+\\-])(?:title|abstract|author|keyword)$");
  private static final Pattern TEXT_ONLY = Pattern.compile("[/!]|\\?(?=[\\s)\"]|$)");

  /** Words of a title phrase may stand this many positions apart (a stop word dropped, a word added). */
  static final int TITLE_PHRASE_SLOP = 1;
  /** Weight of the title-phrase bonus against the words' own scores. */
  static final float TITLE_PHRASE_BOOST = 2f;

  private PaperQueries() {}

  /** The query of a search text; an {@link InvalidQueryException} says why there is none. */
  public static Query parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new InvalidQueryException("the query is " + text.length() + " characters long; at most " + MAX_LENGTH);
    }
    Optional<String> arxivId = EntryNormalizer.arxivKeyOf(text.strip());
    if (arxivId.isPresent()) {
      // an arXiv id pasted into the search box (2508.21070, arXiv:2508.21070v2, an abs link) means that paper
      return new TermQuery(new Term(PaperDocuments.ID, arxivId.get()));
    }
    MultiFieldQueryParser parser = new MultiFieldQueryParser(
        PaperDocuments.SEARCHED.toArray(String[]::new), PaperDocuments.analyzer(), PaperDocuments.BOOSTS);
    Query query;
    try {
      query = parser.parse(asQuerySyntax(text));
    } catch (ParseException e) {
      throw new InvalidQueryException("not a valid query: " + firstLine(e.getMessage())
          + " (put a phrase in \"quotes\"; escape a special character with \\)");
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException("the query has too many clauses (at most "
          + IndexSearcher.getMaxClauseCount() + ")");
    }
    if (query == null || query instanceof MatchNoDocsQuery
        || query instanceof BooleanQuery bool && bool.clauses().isEmpty()) {
      throw new InvalidQueryException("the query has no word to search for (only stop words or punctuation)");
    }
    return withTitlePhrase(query, text);
  }

  /**
   * The query, with a bonus for papers whose title holds the text's words in its order: two
   * papers can share every word of a title ("Needle In A Multimodal Haystack", "Multimodal
   * Needle in a Haystack"), and a title pasted as it is should find its own paper first, whatever
   * keywords the other one has. Matches the same papers as {@code query}.
   */
  private static Query withTitlePhrase(Query query, String text) {
    Query phrase = new QueryBuilder(PaperDocuments.analyzer())
        .createPhraseQuery(PaperDocuments.TITLE, text.replaceAll("[\\p{Punct}&&[^-']]", " "), TITLE_PHRASE_SLOP);
    if (phrase == null) {
      return query;
    }
    return new TitlePhraseBonus(query, phrase, TITLE_PHRASE_BOOST);
  }

  /** The query limited to papers published from {@code from} to {@code to} (either may be null). */
  public static Query within(Query query, LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return query;
    }
    if (query instanceof TitlePhraseBonus bonus) {
      return bonus.withWords(within(bonus.words(), from, to));
    }
    int lower = from == null ? Integer.MIN_VALUE : (int) from.toEpochDay();
    int upper = to == null ? Integer.MAX_VALUE : (int) to.toEpochDay();
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(IntPoint.newRangeQuery(PaperDocuments.PUBLISHED, lower, upper), BooleanClause.Occur.FILTER)
        .build();
  }

  // title text → query syntax: the characters titles use as punctuation escaped (see the class comment)
  static String asQuerySyntax(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escaped = i > 0 && text.charAt(i - 1) == '\\';
      if (c == ':' && !escaped && !FIELD_BEFORE.matcher(out).find()) {
        out.append('\\');
      }
      out.append(c);
    }
    return TEXT_ONLY.matcher(out).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
  }

  private static String firstLine(String message) {
    List<String> lines = message.lines().toList();
    return lines.isEmpty() ? "cannot parse it" : lines.get(0).replaceAll("\\s+", " ").strip();
  }
}
