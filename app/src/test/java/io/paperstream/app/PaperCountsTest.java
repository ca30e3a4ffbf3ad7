package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.topology.PaperIndex;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PaperCountsTest {

  @Test
  void theDefaultDateSkipsAStragglerAfterNormalDays() {
    // given weeks of about 50 papers a day, then a date with 2 (a late sighting)
    Map<String, Long> counts = new TreeMap<>();
    for (int day = 1; day <= 28; day++) {
      counts.put(LocalDate.of(2026, 2, day).toString(), 45L + day % 10);
    }
    counts.put("2026-03-02", 2L);
    counts.put(PaperIndex.NO_DATE, 500L);

    // then the default date is the last normal day
    assertThat(PaperCounts.defaultDate(counts)).isEqualTo(LocalDate.parse("2026-02-28"));

    // and a quiet but real day (a quarter of the median or more) counts
    counts.put("2026-03-03", 13L);
    assertThat(PaperCounts.defaultDate(counts)).isEqualTo(LocalDate.parse("2026-03-03"));
  }

  @Test
  void aSmallDataSetDefaultsToItsLatestDate() {
    assertThat(PaperCounts.defaultDate(Map.of("2026-03-10", 1L, "2026-03-20", 1L))).isEqualTo(LocalDate.parse("2026-03-20"));
    assertThat(PaperCounts.defaultDate(Map.of(PaperIndex.NO_DATE, 4L))).isNull();
    assertThat(PaperCounts.defaultDate(Map.of())).isNull();
  }
}
