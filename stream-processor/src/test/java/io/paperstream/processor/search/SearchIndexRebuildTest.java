package io.paperstream.processor.search;

import static io.paperstream.processor.search.SearchPapers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.schemas.AvroSerde;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PublishedSchemas;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The background rebuild, run step by step: refused searches meanwhile, and changes that win over the snapshot. */
class SearchIndexRebuildTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-20");

  private final MockProcessorContext<Void, Void> context = SearchPapers.contextSearchingEveryChange();
  private final SearchIndexStore index = SearchPapers.startedStore(context);

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void searchesWaitForTheRebuildAndAChangeMadeMeanwhileWins() {
    // given a papers store with an old record of paper 1 and paper 2
    KeyValueStore<String, Paper> papers = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("papers"),
        Serdes.String(), AvroSerde.forType(Paper.class, PublishedSchemas.load().store())).withLoggingDisabled().build();
    papers.init(context.getStateStoreContext(), papers);
    papers.put("1", paper("1", "Kelp Forest Census", null, DAY));
    papers.put("2", paper("2", "Sonar Reef Maps", null, DAY));
    List<Runnable> started = new ArrayList<>();

    // when a rebuild starts (not yet run)
    index.rebuildFrom(papers, started::add);

    // then a search is refused as "not queryable right now", not answered in part
    assertThat(index.ready()).isFalse();
    assertThatThrownBy(() -> index.search(PaperQueries.parse("kelp"), 10)).isInstanceOf(InvalidStateStoreException.class)
        .hasMessageContaining("is being rebuilt");

    // when the stream thread retitles paper 1 before the rebuild reaches it, then the rebuild runs
    index.apply("1", paper("1", "Glacier Census", null, DAY));
    started.forEach(Runnable::run);

    // then the change wins over the older record the rebuild read, and paper 2 is there
    assertThat(index.ready()).isTrue();
    assertThat(ids("kelp")).isEmpty();
    assertThat(ids("glacier")).containsExactly("1");
    assertThat(ids("reef")).containsExactly("2");
  }

  private List<String> ids(String query) {
    return index.search(PaperQueries.parse(query), 10).stream().map(SearchIndex.Hit::paperId).toList();
  }
}
