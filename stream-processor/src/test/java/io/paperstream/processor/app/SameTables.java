package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.topology.PaperMerger;
import io.paperstream.schemas.Paper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Comparing the final tables of two runs of the processor. */
final class SameTables {

  private SameTables() {}

  /**
   * The papers without {@code lastSeen}: it is published only with a material change, so which
   * sighting's time it shows depends on the order sightings from different partitions arrive
   * in, in any two runs, disturbed or not.
   */
  static Map<String, Paper> withoutLastSeen(Map<String, Paper> papers) {
    Map<String, Paper> masked = new HashMap<>();
    papers.forEach((id, paper) -> masked.put(id, PaperMerger.withoutLastSeen(paper)));
    return masked;
  }

  /** Equal tables, or a failure that names the first differences rather than printing both. */
  static <V> void assertSameTable(String name, Map<String, V> actual, Map<String, V> expected) {
    List<String> differences = new ArrayList<>();
    expected.forEach((key, value) -> {
      if (!value.equals(actual.get(key))) {
        differences.add(key + ": expected " + value + "\n   but was " + actual.get(key));
      }
    });
    actual.keySet().stream().filter(key -> !expected.containsKey(key))
        .forEach(key -> differences.add(key + ": unexpected " + actual.get(key)));
    assertThat(differences).as("%s: %d differences, the first: %s", name, differences.size(),
        differences.subList(0, Math.min(3, differences.size()))).isEmpty();
  }
}
