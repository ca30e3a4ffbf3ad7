package io.paperstream.processor.topology;

import static io.paperstream.processor.search.SearchPapers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.processor.search.PaperQueries;
import io.paperstream.processor.search.SearchIndex;
import io.paperstream.processor.search.SearchIndexStore;
import io.paperstream.processor.search.SearchPapers;
import io.paperstream.schemas.AvroSerde;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PublishedSchemas;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchIndexerTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-20");

  private final MockProcessorContext<Void, Void> context = SearchPapers.contextSearchingEveryChange();
  private KeyValueStore<String, Paper> papers;
  private SearchIndexStore index;

  @BeforeEach
  void stores() {
    papers = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PaperTopology.PAPERS_STORE), Serdes.String(),
        AvroSerde.forType(Paper.class, PublishedSchemas.load().store())).withLoggingDisabled().build();
    papers.init(context.getStateStoreContext(), papers);
    context.addStateStore(papers);
    index = SearchPapers.startedStore(context);
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void startingIndexesEveryPaperTheRestoredStoreHolds() {
    // given a papers store restored with two papers, and a stale document in the index
    papers.put("1", paper("1", "Kelp Forest Census", "Counting kelp.", DAY, "Ana Okafor"));
    papers.put("2", paper("2", "Sonar Reef Maps", "Mapping reefs.", DAY, "Ben Lindqvist"));
    index.index(paper("9", "Kelp Gone Long Ago", null, DAY));

    // when the indexer starts, and has rebuilt the index in the background
    new SearchIndexer().init(context);
    await().atMost(Duration.ofSeconds(30)).until(index::ready);

    // then the index holds exactly the store's papers
    assertThat(found("kelp")).containsExactly("1");
    assertThat(found("reef")).containsExactly("2");
  }

  @Test
  void eachChangeReplacesOrRemovesThePapersDocument() {
    // given a started indexer
    SearchIndexer indexer = new SearchIndexer();
    indexer.init(context);
    await().atMost(Duration.ofSeconds(30)).until(index::ready);
    Paper kelp = paper("1", "Kelp Forest Census", "Counting kelp.", DAY, "Ana Okafor");

    // when a paper arrives, is retitled, and another is removed
    indexer.process(change(null, kelp));
    indexer.process(change(null, paper("2", "Sonar Reef Maps", "Mapping reefs.", DAY)));
    indexer.process(change(kelp, paper("1", "Glacier Census", "Counting glaciers.", DAY, "Ana Okafor")));
    indexer.process(new Record<>("2", new PaperChange("2", paper("2", "Sonar Reef Maps", null, DAY), null, null), 0L));

    // then searches see the latest records only
    assertThat(found("kelp")).isEmpty();
    assertThat(found("glacier")).containsExactly("1");
    assertThat(found("reef")).isEmpty();
  }

  private static Record<String, PaperChange> change(Paper before, Paper after) {
    return new Record<>(after.getPaperId(), new PaperChange(after.getPaperId(), before, after, null), 0L);
  }

  private List<String> found(String query) {
    return index.search(PaperQueries.parse(query), 10).stream().map(SearchIndex.Hit::paperId).toList();
  }
}
