package io.paperstream.processor.search;

import io.paperstream.schemas.Paper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;

/**
 * How a paper becomes a Lucene document: the searchable fields, their analysis and their weight
 * in a query without a field. The one place the index layout lives; the indexer and the query
 * side both read it.
 */
public final class PaperDocuments {

  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String ABSTRACT = "abstract";
  public static final String AUTHOR = "author";
  public static final String KEYWORD = "keyword";
  /** The published date as an epoch day (a point field, for {@code from}/{@code to}). */
  public static final String PUBLISHED = "published";

  /** Published date, then first seen, as one number (doc values): the order of "newest first". */
  static final String NEWEST = "newest";

  /** The fields a query searches, in the order a reader names them. */
  public static final List<String> SEARCHED = List.of(TITLE, ABSTRACT, AUTHOR, KEYWORD);

  /**
   * Weights of the fields for words without a field: a word in the title says more about the
   * paper than the same word somewhere in its abstract.
   */
  static final Map<String, Float> BOOSTS = Map.of(TITLE, 3f, KEYWORD, 2f, AUTHOR, 2f, ABSTRACT, 1f);

  private PaperDocuments() {}

  /**
   * English text (stemmed, stop words dropped: "models" finds "model") for title, abstract and
   * keywords; names only lower-cased and split into words.
   */
  public static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(AUTHOR, new StandardAnalyzer()));
  }

  /** The term that identifies a paper's document. */
  public static Term idTerm(String paperId) {
    return new Term(ID, paperId);
  }

  static Document of(Paper paper) {
    Document doc = new Document();
    doc.add(new StringField(ID, paper.getPaperId(), Field.Store.YES));
    doc.add(new TextField(TITLE, paper.getTitle(), Field.Store.NO));
    if (paper.getAbstract$() != null) {
      doc.add(new TextField(ABSTRACT, paper.getAbstract$(), Field.Store.NO));
    }
    paper.getAuthors().forEach(name -> doc.add(new TextField(AUTHOR, name, Field.Store.NO)));
    paper.getKeywords().forEach(keyword -> doc.add(new TextField(KEYWORD, keyword, Field.Store.NO)));
    if (paper.getPublishedDate() != null) {
      doc.add(new IntPoint(PUBLISHED, (int) paper.getPublishedDate().toEpochDay()));
    }
    // papers without a date sort last, as in the paper lists; first seen in ms fits 13 digits until 2286
    long day = paper.getPublishedDate() == null ? 0 : paper.getPublishedDate().toEpochDay() + 1;
    doc.add(new NumericDocValuesField(NEWEST, day * 10_000_000_000_000L + paper.getFirstSeen().toEpochMilli()));
    return doc;
  }

  /** Whether the change between two records changes the paper's document (an upvote does not). */
  public static boolean sameDocument(Paper before, Paper after) {
    return before != null && after != null
        && before.getTitle().equals(after.getTitle())
        && Objects.equals(before.getAbstract$(), after.getAbstract$())
        && before.getAuthors().equals(after.getAuthors())
        && before.getKeywords().equals(after.getKeywords())
        && Objects.equals(before.getPublishedDate(), after.getPublishedDate());
  }
}
