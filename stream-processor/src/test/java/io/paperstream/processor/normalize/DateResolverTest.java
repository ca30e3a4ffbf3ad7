package io.paperstream.processor.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateResolverTest {

  private final DateResolver resolver = new DateResolver();
  private static final LocalDate PAGE = LocalDate.of(2024, 6, 15);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Mar 6, 2021      | 2021-03-06",
      "Mar 6 2021       | 2021-03-06",
      "March 6, 2021    | 2021-03-06",
      "Sept 30, 2019    | 2019-09-30",
      "6 March 2021     | 2021-03-06",
      "mar 6, 2021      | 2021-03-06",
      "2021-03-06       | 2021-03-06",
      "2021-03-06T23:30:00-02:00 | 2021-03-07",
      "2021-03-06T10:00:00.000Z  | 2021-03-06",
  })
  void readsDatesWithAYear(String text, LocalDate expected) throws Exception {
    // given text

    // when
    LocalDate date = resolver.resolve(text, PAGE);

    // then
    assertThat(date).isEqualTo(expected);
  }

  @Test
  void aDateWithAYearNeedsNoPageDate() throws Exception {
    // given
    String text = "Mar 6, 2021";

    // when
    LocalDate date = resolver.resolve(text, null);

    // then
    assertThat(date).isEqualTo(LocalDate.of(2021, 3, 6));
  }

  @Test
  void aYearlessDateBelongsToThePageYear() throws Exception {
    // given
    String text = "Jun 3";

    // when
    LocalDate date = resolver.resolve(text, PAGE);

    // then
    assertThat(date).isEqualTo(LocalDate.of(2024, 6, 3));
  }

  @Test
  void aYearlessDateOnThePageDateIsThatDay() throws Exception {
    // given
    String text = "Jun 15";

    // when
    LocalDate date = resolver.resolve(text, PAGE);

    // then
    assertThat(date).isEqualTo(PAGE);
  }

  @Test
  void aYearlessDateAfterThePageDateIsFromTheYearBefore() throws Exception {
    // given
    String text = "Jul 30";

    // when
    LocalDate date = resolver.resolve(text, PAGE);

    // then
    assertThat(date).isEqualTo(LocalDate.of(2023, 7, 30));
  }

  @Test
  void aDecemberEntryOnAJanuaryPageIsFromTheYearBefore() throws Exception {
    // given
    LocalDate januaryPage = LocalDate.of(2025, 1, 4);

    // when
    LocalDate date = resolver.resolve("Dec 29", januaryPage);

    // then
    assertThat(date).isEqualTo(LocalDate.of(2024, 12, 29));
  }

  @Test
  void aYearlessFebruary29GoesBackToTheLatestLeapYear() throws Exception {
    // given: 2023 has no Feb 29
    LocalDate page = LocalDate.of(2023, 3, 10);

    // when
    LocalDate date = resolver.resolve("Feb 29", page);

    // then
    assertThat(date).isEqualTo(LocalDate.of(2020, 2, 29));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankTextIsNoDate(String text) throws Exception {
    // given text

    // when
    LocalDate date = resolver.resolve(text, PAGE);

    // then
    assertThat(date).isNull();
  }

  @Test
  void nullTextIsNoDate() throws Exception {
    // given
    String text = null;

    // when
    LocalDate date = resolver.resolve(text, PAGE);

    // then
    assertThat(date).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "8 authors", "Smarch 3, 2021", "2021-13-45", "Mar 6, 21x"})
  void textThatIsNotADateIsRejectedWithTheText(String text) {
    // given text

    // when / then
    assertThatThrownBy(() -> resolver.resolve(text, PAGE))
        .isInstanceOf(NormalizationException.class)
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void aDayThatDoesNotExistIsRejected() {
    // given
    String text = "Feb 30, 2021";

    // when / then
    assertThatThrownBy(() -> resolver.resolve(text, PAGE))
        .isInstanceOf(NormalizationException.class)
        .hasMessageContaining("no such day")
        .hasMessageContaining("\"Feb 30, 2021\"");
  }

  @Test
  void aYearlessDateWithoutAPageDateIsRejected() {
    // given
    String text = "Jul 30";

    // when / then
    assertThatThrownBy(() -> resolver.resolve(text, null))
        .isInstanceOf(NormalizationException.class)
        .hasMessageContaining("\"Jul 30\"")
        .hasMessageContaining("no year");
  }
}
