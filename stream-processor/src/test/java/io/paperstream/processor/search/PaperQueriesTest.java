package io.paperstream.processor.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class PaperQueriesTest {

  @Test
  void titlePunctuationIsTextNotSyntax() {
    // given titles as people paste them: a colon after a word, a slash, a question and an exclamation mark
    String title = "Kelp/Reef Survey: Do Sonar Gauges Work? Yes!";

    // when parsed
    Query query = PaperQueries.parse(title);

    // then every word is searched for, none became a field name, a regular expression or an operator
    assertThat(query.toString()).contains("title:survei", "author:survey", "title:kelp", "title:reef", "abstract:sonar", "title:work")
        .doesNotContain("Survey:", "/");
  }

  @Test
  void aTitleInItsOwnOrderEarnsABonusOnTopOfItsWords() {
    // when a title is searched as it is written
    Query query = PaperQueries.parse("Needle in a Tidal Haystack");

    // then its words are required as before, and their order in a title scores extra
    assertThat(query.toString()).contains("+(", "title:needl", "(title:\"needl ? ? tidal haystack\"~1)^2.0");
  }

  @Test
  void fieldNamesAndOperatorsStillWork() {
    // when a query names fields and uses operators
    Query query = PaperQueries.parse("author:Okafor AND title:\"tidal lattice\" -glacier");

    // then they are read as the syntax says
    assertThat(query.toString()).contains("+author:okafor", "+title:\"tidal lattic\"", "-(");
  }

  @Test
  void aSyntaxErrorSaysWhereAndHowToMendIt() {
    // when a query has an unclosed phrase or group, or ends on an operator
    // then the error names the text and the place, and how to quote or escape
    assertThatThrownBy(() -> PaperQueries.parse("tidal (lattice")).isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("not a valid query: Cannot parse 'tidal (lattice'")
        .hasMessageContaining("column").hasMessageContaining("escape a special character");
    assertThatThrownBy(() -> PaperQueries.parse("kelp AND")).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("Cannot parse 'kelp AND'");
    assertThatThrownBy(() -> PaperQueries.parse("*reef")).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("not allowed as first character");
  }

  @Test
  void emptyAndOverlongQueriesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> PaperQueries.parse("; , .")).isInstanceOf(InvalidQueryException.class)
        .hasMessage("the query has no word to search for (only stop words or punctuation)");
    assertThatThrownBy(() -> PaperQueries.parse("kelp ".repeat(101))).isInstanceOf(InvalidQueryException.class)
        .hasMessage("the query is 505 characters long; at most 500");
  }
}
