package io.paperstream.processor.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Where a query matched a paper's title and abstract (Lucene's unified highlighter, re-analysing
 * the text: the index keeps no copy of it). A highlight is plain text and the character ranges
 * of the matches in it, never markup, so that a page can show it without parsing HTML.
 *
 * <p>Matches are found term by term from the re-analysed text, not by asking the query's weight
 * against a one-document index of it ("weight matches"): a profile of the search benchmark showed
 * that one-document index taking nearly all of a search's time, and words are what a reader needs
 * to see (a phrase shows as its words). For the same reason phrases are not checked strictly: a
 * phrase's words are highlighted wherever they are, without the one-document index that would find
 * where the phrase itself matches (every search has one, the title-phrase bonus of
 * {@link PaperQueries#parse}, whose words the query already matches one by one anyway).
 */
public final class PaperHighlighter {

  /** A piece of text and the {@code [start, end)} ranges (UTF-16 offsets) of the matches in it. */
  public record Highlight(String text, List<int[]> matches) {}

  private static final String GAP = "… ";
  private static final int ABSTRACT_PASSAGES = 2;

  private final UnifiedHighlighter wholeText = UnifiedHighlighter.builderWithoutSearcher(PaperDocuments.analyzer())
      .withBreakIterator(WholeBreakIterator::new)
      .withWeightMatches(false)
      .withPassageRelevancyOverSpeed(false)
      .withHighlightPhrasesStrictly(false)
      .withFormatter(new Formatter())
      .withMaxNoHighlightPassages(1)
      .build();
  private final UnifiedHighlighter passages = UnifiedHighlighter.builderWithoutSearcher(PaperDocuments.analyzer())
      .withWeightMatches(false)
      .withPassageRelevancyOverSpeed(false)
      .withHighlightPhrasesStrictly(false)
      .withFormatter(new Formatter())
      .withMaxNoHighlightPassages(1)
      .build();

  /** The whole title with its matches. */
  public Highlight title(Query query, String title) {
    return highlight(wholeText, PaperDocuments.TITLE, query, title, 1);
  }

  /** The abstract's best sentences (at most two, else its first), with their matches; null without abstract. */
  public Highlight abstractText(Query query, String text) {
    return text == null ? null : highlight(passages, PaperDocuments.ABSTRACT, query, text, ABSTRACT_PASSAGES);
  }

  private static Highlight highlight(UnifiedHighlighter highlighter, String field, Query query, String text,
      int count) {
    try {
      Object found = highlighter.highlightWithoutSearcher(field, query, text, count);
      return found instanceof Highlight highlight ? highlight : new Highlight(text, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
  }

  /** Passages in text order, joined by "… ", with the offsets of their matches in the joined text. */
  private static final class Formatter extends PassageFormatter {

    @Override
    public Object format(Passage[] found, String content) {
      StringBuilder text = new StringBuilder();
      List<int[]> matches = new ArrayList<>();
      int previousEnd = 0;
      for (Passage passage : found) {
        int start = passage.getStartOffset();
        int end = passage.getEndOffset();
        while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
          end--;
        }
        if (start > previousEnd) {
          text.append(text.length() == 0 ? GAP : " " + GAP);
        } else if (text.length() > 0) {
          text.append(' ');
        }
        int base = text.length() - start;
        text.append(content, start, end);
        int lastEnd = -1;
        for (int i = 0; i < passage.getNumMatches(); i++) {
          int matchStart = passage.getMatchStarts()[i];
          int matchEnd = Math.min(end, passage.getMatchEnds()[i]);
          if (matchStart >= lastEnd && matchStart < matchEnd) { // overlapping matches count once
            matches.add(new int[] {base + matchStart, base + matchEnd});
            lastEnd = matchEnd;
          }
        }
        previousEnd = passage.getEndOffset();
      }
      if (found.length > 0 && !content.substring(previousEnd).isBlank()) {
        text.append(" …");
      }
      return new Highlight(text.toString(), matches);
    }
  }
}
