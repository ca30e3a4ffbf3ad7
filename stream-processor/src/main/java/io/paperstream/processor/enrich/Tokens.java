package io.paperstream.processor.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits text into words with Lucene: {@link StandardTokenizer} (Unicode word boundaries),
 * {@link EnglishPossessiveFilter} ("model's" → "model") and {@link LowerCaseFilter}.
 *
 * <p>Stop words are not removed here: phrase splitting needs to know where they were, and
 * acronym expansions may contain them ("Mixture of Experts"). What lies between two words
 * (white space, a hyphen, punctuation) is kept as the {@link Join} of the second, since the
 * tokenizer drops it and phrases must not run across punctuation.
 *
 * <p>Thread-safe: the one {@link Analyzer} hands each thread its own reusable token stream.
 */
final class Tokens {

  /** How a word is attached to the word before it. */
  enum Join {
    /** First word of the text, or after punctuation: a phrase cannot continue across it. */
    BREAK,
    /** Separated by white space only. */
    SPACE,
    /** Joined by a hyphen with no space ("large-language"), or by nothing at all. */
    HYPHEN
  }

  /**
   * One word.
   *
   * @param term lower-cased, possessive removed
   * @param surface the word as printed, possessive removed (case matters for acronyms)
   * @param gapBefore the text between the previous word and this one
   * @param join how it attaches to the previous word
   * @param number whether the tokenizer classified it as a number
   * @param other whether it is neither a word nor a number (emoji, ...)
   * @param acronym whether it is printed as an acronym ({@link Acronyms#shaped}): asked of a word
   *     several times per text (canonical forms, tags, definitions), so decided once
   */
  record Token(String term, String surface, String gapBefore, Join join, boolean number, boolean other,
      boolean acronym) {

    /** Whether the text right before this word opens a parenthesis. */
    boolean opensParenthesis() {
      return gapBefore.strip().endsWith("(") || gapBefore.strip().endsWith("[");
    }

    boolean hasDot() {
      return !number && term.indexOf('.') >= 0;
    }

    /**
     * A name with a version number in it, "qwen2.5", "llama3.1": letters, digits, and dots only
     * between digits (so "e.g" and "fig." are not).
     */
    boolean versionName() {
      boolean letter = false;
      for (int i = 0; i < term.length(); i++) {
        char c = term.charAt(i);
        if (c == '.') {
          if (i == 0 || i == term.length() - 1 || !Character.isDigit(term.charAt(i - 1))
              || !Character.isDigit(term.charAt(i + 1))) {
            return false;
          }
        } else if (Character.isLetter(c)) {
          letter = true;
        } else if (!Character.isDigit(c)) {
          return false;
        }
      }
      return letter;
    }
  }

  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(tokenizer);
      stream = new LowerCaseFilter(stream);
      return new TokenStreamComponents(tokenizer, stream);
    }
  };

  /** The words of {@code text}; the text after the last word is returned in {@code tail[0]}. */
  List<Token> of(String text, String[] tail) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      int previousEnd = 0;
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        String gap = text.substring(previousEnd, start);
        String tokenType = type.type();
        boolean number = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM].equals(tokenType);
        boolean word = number || StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM].equals(tokenType)
            || StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC].equals(tokenType)
            || StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA].equals(tokenType)
            || StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA].equals(tokenType)
            || StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL].equals(tokenType)
            || StandardTokenizer.TOKEN_TYPES[StandardTokenizer.SOUTHEAST_ASIAN].equals(tokenType);
        String surface = stripPossessive(text.substring(start, end));
        tokens.add(new Token(term.toString(), surface, gap, join(tokens.isEmpty(), gap), number, !word,
            Acronyms.shaped(surface)));
        previousEnd = end;
      }
      stream.end();
      if (tail != null) {
        tail[0] = text.substring(Math.min(previousEnd, text.length()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return tokens;
  }

  private static Join join(boolean first, String gap) {
    if (first) {
      return Join.BREAK;
    }
    if (gap.isEmpty() || gap.equals("-") || gap.equals("\u2010") || gap.equals("\u2011")) {
      return Join.HYPHEN;
    }
    return gap.isBlank() ? Join.SPACE : Join.BREAK;
  }

  private static String stripPossessive(String word) {
    int n = word.length();
    if (n > 2 && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019')
        && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')) {
      return word.substring(0, n - 2);
    }
    return word;
  }
}
