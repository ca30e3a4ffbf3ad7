package io.paperstream.processor.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.MockStores;
import io.paperstream.schemas.KeywordDateKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class RollingCountsTest {

  private static final LocalDate FIRST = LocalDate.parse("2025-01-01");
  private static final int DAYS = 300;

  private final Map<LocalDate, Map<String, Long>> counts = new HashMap<>();
  private final KeyValueStore<String, Long> byDate =
      MockStores.inMemory(new MockProcessorContext<String, Long>(), "by-date", Serdes.Long());

  @Test
  void theRunningSumsEqualARecountAtEveryDateForwardAcrossGapsAndBackAgain() {
    // given random counts of 40 keywords over 300 days, some days empty
    Random random = new Random(7);
    for (int day = 0; day < DAYS; day++) {
      for (int keyword = 0; keyword < 40; keyword++) {
        if (day % 17 != 3 && random.nextInt(4) == 0) {
          put("phrase " + keyword, FIRST.plusDays(day), 1 + random.nextInt(5));
        }
      }
    }
    RollingCounts rolling = new RollingCounts(byDate, 7, 63);

    // when it moves on day by day, then across gaps shorter and longer than its longest span, then backwards
    List<Integer> walk = new ArrayList<>();
    for (int day = 0; day < 120; day++) {
      walk.add(day);
    }
    walk.addAll(List.of(122, 150, 151, 240, 241, 299, 40, 41, 330));
    for (int day : walk) {
      LocalDate date = FIRST.plusDays(day);
      rolling.moveTo(date);

      // then every sum is the recount of its days
      assertThat(rolling.onDate()).as("counts on %s", date).isEqualTo(recount(date, 1));
      for (int span : new int[] {7, 63}) {
        Map<String, Long> recount = recount(date, span);
        assertThat(rolling.sums(span)).as("%d days to %s", span, date).isEqualTo(recount);
        assertThat(rolling.total(span)).isEqualTo(recount.values().stream().mapToLong(Long::longValue).sum());
        assertThat(rolling.sum(span, "phrase 3")).isEqualTo(recount.getOrDefault("phrase 3", 0L));
      }
    }
  }

  private Map<String, Long> recount(LocalDate last, int days) {
    Map<String, Long> sums = new HashMap<>();
    for (int back = 0; back < days; back++) {
      counts.getOrDefault(last.minusDays(back), Map.of()).forEach((keyword, count) -> sums.merge(keyword, count, Long::sum));
    }
    return sums;
  }

  private void put(String keyword, LocalDate date, long count) {
    counts.computeIfAbsent(date, d -> new HashMap<>()).put(keyword, count);
    byDate.put(KeywordDateKey.of(keyword, date).encodeByDate(), count);
  }
}
