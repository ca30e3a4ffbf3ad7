package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

class PrintedDateTest {

  @Test
  void dateWithYearAndUpvotes() {
    // when
    PrintedDate date = PrintedDate.parse("Sep 29, 2023 1").orElseThrow();

    // then
    assertThat(date.text()).isEqualTo("Sep 29, 2023");
    assertThat(date.year()).isEqualTo(2023);
    assertThat(date.trailingCount()).isEqualTo(1);
    assertThat(date.resolve(LocalDate.of(2025, 1, 1))).contains(LocalDate.of(2023, 9, 29));
  }

  @Test
  void yearLessDateWithUpvotes() {
    // when
    PrintedDate date = PrintedDate.parse("Jul 10 14").orElseThrow();

    // then
    assertThat(date.text()).isEqualTo("Jul 10");
    assertThat(date.monthDay()).isEqualTo(MonthDay.of(7, 10));
    assertThat(date.year()).isNull();
    assertThat(date.trailingCount()).isEqualTo(14);
  }

  @Test
  void yearLessDateResolvesToTheLatestSuchDayNotAfterAsOf() {
    // given
    PrintedDate dec29 = PrintedDate.parse("Dec 29").orElseThrow();
    PrintedDate jan5 = PrintedDate.parse("Jan 5").orElseThrow();

    // then
    assertThat(dec29.resolve(LocalDate.of(2026, 1, 5))).contains(LocalDate.of(2025, 12, 29));
    assertThat(jan5.resolve(LocalDate.of(2026, 1, 5))).contains(LocalDate.of(2026, 1, 5));
    assertThat(PrintedDate.parse("Feb 29").orElseThrow().resolve(LocalDate.of(2026, 3, 1)))
        .contains(LocalDate.of(2024, 2, 29));
  }

  @Test
  void fullMonthNamesAreDatesToo() {
    assertThat(PrintedDate.parse("September 3, 2024")).isPresent();
    assertThat(PrintedDate.parse("Sept 3")).isPresent();
  }

  @Test
  void titlesAndImpossibleDaysAreNotDates() {
    assertThat(PrintedDate.parse("Mar 32")).isEmpty();
    assertThat(PrintedDate.parse("Feb 30, 2024")).isEmpty();
    assertThat(PrintedDate.parse("Pointer Networks")).isEmpty();
    assertThat(PrintedDate.parse("Mamba 2 for Tides")).isEmpty();
    assertThat(PrintedDate.parse("May 2024")).isEmpty();
  }
}
