package io.paperstream.processor.search;

import static io.paperstream.processor.search.SearchPapers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's files: in a folder of the task's state directory, emptied at start, gone at close. */
class SearchIndexFilesTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-20");

  @TempDir
  Path stateDir;

  @Test
  void whatACrashedProcessLeftIsClearedAtStartAndTheIndexWorksInItsPlace() throws IOException {
    // given the folder of a task's index as a killed process left it: segments and a lock
    Path folder = stateDir.resolve(SearchIndexStore.NAME);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("_0.cfs"), "half-written segment of a process killed with -9");
    Files.writeString(folder.resolve("segments_1"), "not an index");
    Files.writeString(folder.resolve("write.lock"), "");

    // when the store starts in that task's state directory
    SearchIndexStore index = startedStore(new Properties());
    try {
      // then the left-overs are gone
      assertThat(folder).isDirectory();
      assertThat(folder.resolve("_0.cfs")).doesNotExist();
      assertThat(folder.resolve("segments_1")).doesNotExist();

      // and a paper indexed there is found, from files in that folder
      index.index(paper("1", "Kelp Forest Census", "Counting kelp.", DAY));
      index.refresh();
      assertThat(index.search(PaperQueries.parse("kelp"), 10)).extracting(SearchIndex.Hit::paperId).containsExactly("1");
      assertThat(index.folder()).isEqualTo(folder);
      assertThat(index.fileBytes()).isPositive();
    } finally {
      index.close();
    }
  }

  @Test
  void closingTheStoreRemovesItsFolderAndLeavesTheRestOfTheStateDirectory() throws IOException {
    // given a started store with a paper flushed to its files, beside another store's file
    Files.writeString(stateDir.resolve(".checkpoint"), "another store's");
    SearchIndexStore index = startedStore(new Properties());
    index.index(paper("1", "Kelp Forest Census", "Counting kelp.", DAY));
    index.refresh();
    assertThat(index.fileBytes()).isPositive();

    // when it closes (its task moved, or the instance stops)
    index.close();

    // then nothing of the index is left, and nothing else was touched
    assertThat(stateDir.resolve(SearchIndexStore.NAME)).doesNotExist();
    assertThat(stateDir.resolve(".checkpoint")).hasContent("another store's");
  }

  @Test
  void aBufferSizeThatIsNotAWholeNumberOfMebibytesIsRefusedByName() {
    // given a configuration with a buffer size of no use
    Properties settings = new Properties();
    settings.put(SearchIndexStore.BUFFER_MB_CONFIG, "0.5");

    // when a store starts with it, then it stops naming the key and the value
    assertThatThrownBy(() -> startedStore(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(SearchIndexStore.BUFFER_MB_CONFIG).hasMessageContaining("'0.5'");
  }

  private SearchIndexStore startedStore(Properties settings) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "search-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.putAll(settings);
    return SearchPapers.startedStore(new MockProcessorContext<>(config, new TaskId(0, 1), stateDir.toFile()));
  }
}
