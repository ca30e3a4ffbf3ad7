package io.paperstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KeywordDateKeyTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-20");

  @Test
  void encodesKeywordThenDate() {
    // given a keyword and a date / when encoded / then keyword|date and, by date, date|keyword
    KeywordDateKey key = KeywordDateKey.of("large language model", DAY);
    assertThat(key.encode()).isEqualTo("large language model|2026-03-20");
    assertThat(key.encodeByDate()).isEqualTo("2026-03-20|large language model");
  }

  @Test
  void decodesWhatItEncodesEvenWhenTheKeywordHoldsTheSeparator() {
    // given a keyword that contains the separator itself
    KeywordDateKey key = KeywordDateKey.of("a|b", DAY);

    // when encoded and decoded both ways / then the same key comes back
    assertThat(KeywordDateKey.decode(key.encode())).isEqualTo(key);
    assertThat(KeywordDateKey.decodeByDate(key.encodeByDate())).isEqualTo(key);
    assertThat(KeywordDateKey.keywordOf(key.encode())).isEqualTo("a|b");
  }

  @Test
  void prefixesSelectOneKeywordOrOneDate() {
    // given keys of one keyword / then they start with its prefix, and by-date keys with the date's
    assertThat(KeywordDateKey.of("lattice", DAY).encode()).startsWith(KeywordDateKey.keywordPrefix("lattice"));
    assertThat(KeywordDateKey.of("lattice", DAY).encodeByDate()).startsWith(KeywordDateKey.datePrefix(DAY));
  }

  @Test
  void rejectsAKeyThatIsNotOne() {
    // given keys without a date in place / when decoded / then a clear error naming the key
    assertThatThrownBy(() -> KeywordDateKey.decode("lattice")).hasMessageContaining("'lattice'");
    assertThatThrownBy(() -> KeywordDateKey.decodeByDate("lattice|2026-03-20"))
        .hasMessageContaining("not a date|keyword key");
    assertThatThrownBy(() -> KeywordDateKey.decode("lattice|2026-02-30")).hasMessageContaining("2026-02-30");
  }

  @Test
  void decodesEveryDayOfAMonth() {
    // given the last days of months, which take the checked path / then they decode as dates
    assertThat(KeywordDateKey.decode("tide|2024-02-29").date()).isEqualTo(LocalDate.parse("2024-02-29"));
    assertThat(KeywordDateKey.decodeByDate("2026-12-31|tide").date()).isEqualTo(LocalDate.parse("2026-12-31"));
  }
}
