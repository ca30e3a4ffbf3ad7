package io.paperstream.processor.search;

import static io.paperstream.processor.search.SearchPapers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/** When a change becomes searchable: within the refresh bound, by the search, never by the stream thread's commit. */
class SearchIndexFreshnessTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-20");

  @Test
  void aCommitLeavesTheReaderAloneAndASearchWithinTheBoundSeesTheOneBefore() {
    // given a store whose reader may be an hour old, with a paper indexed and committed
    SearchIndexStore index = SearchPapers.startedStore(SearchPapers.contextRefreshingAfter(3_600_000));
    try {
      index.index(paper("1", "Kelp Forest Census", "Counting kelp.", DAY));
      index.commit(Map.of());

      // when it is searched at once, then the search answers from the reader of before the change
      assertThat(ids(index, "kelp")).isEmpty();

      // when the reader is refreshed, then the paper is found
      index.refresh();
      assertThat(ids(index, "kelp")).containsExactly("1");
    } finally {
      index.close();
    }
  }

  @Test
  void aChangeIsFoundWithinTheBoundWithoutAnyCommit() {
    // given a store whose reader may be 300 ms old, searched once before the change
    SearchIndexStore index = SearchPapers.startedStore(SearchPapers.contextRefreshingAfter(300));
    try {
      assertThat(ids(index, "kelp")).isEmpty();

      // when a paper is indexed and nothing else happens on the stream thread
      index.index(paper("1", "Kelp Forest Census", "Counting kelp.", DAY));

      // then searches find it once the bound has passed
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
          .until(() -> ids(index, "kelp").equals(List.of("1")));
    } finally {
      index.close();
    }
  }

  @Test
  void withABoundOfZeroTheNextSearchSeesTheChange() {
    // given a store that reopens its reader at every search after a change
    SearchIndexStore index = SearchPapers.startedStore(SearchPapers.contextSearchingEveryChange());
    try {
      // when a paper is indexed, then removed
      index.index(paper("1", "Kelp Forest Census", "Counting kelp.", DAY));
      List<String> afterIndexing = ids(index, "kelp");
      index.remove("1");

      // then each search right after sees the change
      assertThat(afterIndexing).containsExactly("1");
      assertThat(ids(index, "kelp")).isEmpty();
    } finally {
      index.close();
    }
  }

  @Test
  void aBoundThatIsNotANumberOfMillisecondsIsRefusedByName() {
    // given a configuration with a refresh bound that is not a whole number of ms
    MockProcessorContext<Void, Void> context = SearchPapers.contextWithRefreshSetting("1s");

    // when a store starts with it, then it stops naming the key and the value
    assertThatThrownBy(() -> SearchPapers.startedStore(context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(SearchIndexStore.REFRESH_MS_CONFIG).hasMessageContaining("'1s'");
  }

  private static List<String> ids(SearchIndexStore index, String query) {
    return index.search(PaperQueries.parse(query), 10).stream().map(SearchIndex.Hit::paperId).toList();
  }
}
