package io.paperstream.processor.topology;

import static io.paperstream.processor.topology.PaperIndexFixtures.contents;
import static io.paperstream.processor.topology.PaperIndexFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.Paper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paper index has no changelog: when a task starts, {@link PaperIndexer} keeps its index if it
 * describes the papers store (the same count of changes as the logged version store) and else
 * rebuilds it from the papers, to exactly what indexing every change would have given.
 */
class PaperIndexRebuildTest {

  private static final String PLANTED = "z" + PaperIndex.SEP + "planted";

  private MockProcessorContext<Void, Void> context = PaperIndexFixtures.exactlyOnceContext();
  private KeyValueStore<String, Paper> papers;

  private final Paper kelp = paper("2603.00001", 12, LocalDate.parse("2026-03-19"), List.of("kelp forest", "sonar"));
  private final Paper sonar = paper("2603.00002", 3, LocalDate.parse("2026-03-19"), List.of("sonar"));
  private final Paper undated = paper("2603.00003", 0, null, List.of("glacier", "sonar"));
  private final Paper kelpLater = Paper.newBuilder(kelp).setUpvotes(30).setKeywords(List.of("sonar", "glacier"))
      .setAuthors(List.of("Ana Okafor", "Lin Wei")).build();

  @BeforeEach
  void stores() {
    papers = PaperIndexFixtures.papers(context);
    PaperIndexFixtures.versions(context);
  }

  @Test
  void anEmptyIndexBesideItsPapersIsRebuiltToTheIndexTheChangesBuilt() {
    // given papers indexed change by change, the last one changing a paper
    KeyValueStore<String, String> incremental = PaperIndexFixtures.index(context);
    PaperIndexer indexer = started();
    apply(indexer, null, kelp);
    apply(indexer, null, sonar);
    apply(indexer, null, undated);
    apply(indexer, kelp, kelpLater);

    // when the task starts again with an empty index (its state directory wiped, the papers and
    // the version store restored from their changelogs)
    KeyValueStore<String, String> wiped = PaperIndexFixtures.index(context);
    started();

    // then the index is the one the changes built, its version included
    assertThat(contents(wiped)).isEqualTo(contents(incremental))
        .containsEntry(PaperIndex.VERSION, "4")
        .containsEntry(PaperIndex.frequencyKey("sonar"), "3")
        .containsEntry(PaperIndex.frequencyKey("glacier"), "2");
  }

  @Test
  void anIndexBehindItsPapersIsRebuiltWithoutItsStaleKeys() {
    // given an index that saw the first two changes (an instance that held the task before)
    KeyValueStore<String, String> old = PaperIndexFixtures.index(context);
    PaperIndexer before = started();
    apply(before, null, kelp);
    apply(before, null, sonar);
    old.put(PLANTED, "a key no paper gives");
    // and two more changes made by another instance, that reached this one's papers and version
    // store through their changelogs only
    KeyValueStore<String, String> elsewhere = PaperIndexFixtures.index(context);
    PaperIndexer other = started();
    apply(other, null, undated);
    apply(other, kelp, kelpLater);

    // when the task comes back to the instance with the old index
    context.addStateStore(old);
    started();

    // then the old index is rebuilt: the same as the other instance's, the planted key gone
    assertThat(contents(old)).isEqualTo(contents(elsewhere)).doesNotContainKey(PLANTED)
        .containsEntry(PaperIndex.VERSION, "4");
  }

  @Test
  void anIndexThatDescribesItsPapersIsKept() {
    // given an index in step with its papers (a clean restart), holding a key no rebuild would write
    KeyValueStore<String, String> index = PaperIndexFixtures.index(context);
    PaperIndexer indexer = started();
    apply(indexer, null, kelp);
    apply(indexer, kelp, kelpLater);
    index.put(PLANTED, "kept unless rebuilt");

    // when the task starts again
    started();

    // then nothing was rebuilt
    assertThat(contents(index)).containsEntry(PLANTED, "kept unless rebuilt").containsEntry(PaperIndex.VERSION, "2");
  }

  @Test
  void underAtLeastOnceAnIndexIsRebuiltAtEveryStart() {
    // given an index whose count equals its version store's, but under at-least-once, where a
    // crash leaves the stores as they were flushed: here the index missed a paper's last change
    context = new MockProcessorContext<>();
    stores();
    KeyValueStore<String, String> index = PaperIndexFixtures.index(context);
    PaperIndexer indexer = started();
    apply(indexer, null, kelp);
    Map<String, String> kelpOnly = contents(index);
    apply(indexer, kelp, kelpLater);
    kelpOnly.forEach(index::put);
    index.delete(PaperIndex.frequencyKey("glacier"));
    index.put(PaperIndex.VERSION, "2");

    // when the task starts again
    started();

    // then the index is that of the papers store
    assertThat(contents(index)).containsEntry(PaperIndex.frequencyKey("glacier"), "1")
        .doesNotContainKey(PaperIndex.frequencyKey("kelp forest"));
  }

  @Test
  void aRebuildCutShortIsDoneAgain() {
    // given an index whose rebuild stopped before its last write, the version (a crash without
    // exactly-once's wipe of the state directory)
    KeyValueStore<String, String> index = PaperIndexFixtures.index(context);
    PaperIndexer indexer = started();
    apply(indexer, null, kelp);
    apply(indexer, null, sonar);
    Map<String, String> complete = contents(index);
    index.delete(PaperIndex.VERSION);
    index.delete(PaperIndex.frequencyKey("sonar"));
    index.put(PLANTED, "half-written");

    // when the task starts again
    started();

    // then the index is complete again
    assertThat(contents(index)).isEqualTo(complete);
  }

  private PaperIndexer started() {
    PaperIndexer indexer = new PaperIndexer();
    indexer.init(context);
    return indexer;
  }

  /** A change as the dedupe step makes it: the papers store holds the record after, the indexer gets both. */
  private void apply(PaperIndexer indexer, Paper before, Paper after) {
    papers.put(after.getPaperId(), after);
    indexer.process(new Record<>(after.getPaperId(), new PaperChange(after.getPaperId(), before, after, null), 0L));
  }
}
