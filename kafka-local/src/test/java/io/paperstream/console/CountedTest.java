package io.paperstream.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {

  @Test
  void oneIsSingularEveryOtherCountPlural() {
    // given counts of none, one and many

    // when / then
    assertThat(Counted.pages(0)).isEqualTo("0 pages");
    assertThat(Counted.pages(1)).isEqualTo("1 page");
    assertThat(Counted.pages(2)).isEqualTo("2 pages");
    assertThat(Counted.deadLetters(1)).isEqualTo("1 dead letter");
    assertThat(Counted.deadLetters(-1)).isEqualTo("-1 dead letters");
  }

  @Test
  void irregularPluralsAndThousandsAreWrittenForPeople() {
    // given nouns whose plural is not noun + "s", and counts in the thousands

    // when / then
    assertThat(Counted.entries(1)).isEqualTo("1 entry");
    assertThat(Counted.entries(1824)).isEqualTo("1,824 entries");
    assertThat(Counted.of(3, "query", "queries")).isEqualTo("3 queries");
    assertThat(Counted.of(1, "attempt")).isEqualTo("1 attempt");
  }
}
