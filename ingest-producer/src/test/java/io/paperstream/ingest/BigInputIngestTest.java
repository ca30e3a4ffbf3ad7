package io.paperstream.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitLimits;
import io.paperstream.schemas.RawEntry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Big inputs are streamed: bounded dead letters, bounded memory, and the sources after them still read. */
class BigInputIngestTest {

  private static final String GOOD_PAGE = "[{\"paper\":{\"id\":\"2501.00001\",\"title\":\"Invented Harbour Tides\"}},"
      + "{\"paper\":{\"id\":\"2501.00002\",\"title\":\"Invented Lattice Waves\"}}]";

  @TempDir Path folder;

  @Test
  void twoHundredMegabytesOfJunkObjectsGiveCappedDeadLettersAndTheNextFileIsRead() throws IOException {
    // given a 200 MB array of objects that are not entries, streamed to disk, then a good page
    Path junk = folder.resolve("a-junk.json");
    long objects = writeJunkArray(junk, 200L * 1024 * 1024);
    Files.writeString(folder.resolve("b-good.json"), GOOD_PAGE);
    SplitLimits limits = SplitLimits.DEFAULTS.withMaxPageBytes(256L * 1024 * 1024);
    CollectingSink sink = new CollectingSink();

    // when
    IngestSummary summary = assertTimeoutPreemptively(Duration.ofMinutes(3),
        () -> pipeline(limits).run(List.of(folder.toString()), sink));

    // then
    assertThat(sink.entries()).extracting(RawEntry::getTitle)
        .containsExactly("Invented Harbour Tides", "Invented Lattice Waves");
    assertThat(sink.deadLetters()).hasSize(limits.maxDeadLettersPerPage() + 1);
    assertThat(sink.deadLetters().get(limits.maxDeadLettersPerPage()).getReason())
        .startsWith((objects - limits.maxDeadLettersPerPage()) + " more dead letters of this page were dropped");
    assertThat(summary.pages()).isEqualTo(2);
    assertThat(summary.entries()).isEqualTo(2);
  }

  @Test
  void aFileJustOverTheCapIsOneDeadLetterAndTheNextFileIsRead() throws IOException {
    // given
    SplitLimits limits = SplitLimits.DEFAULTS.withMaxPageBytes(1024 * 1024);
    Path big = folder.resolve("a-big.json");
    writeJunkArray(big, limits.maxPageBytes() + 1);
    long size = Files.size(big);
    Files.writeString(folder.resolve("b-good.json"), GOOD_PAGE);
    CollectingSink sink = new CollectingSink();

    // when
    IngestSummary summary = pipeline(limits).run(List.of(folder.toString()), sink);

    // then
    assertThat(size).isGreaterThan(limits.maxPageBytes());
    assertThat(sink.entries()).hasSize(2);
    assertThat(sink.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getSource()).endsWith("a-big.json");
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getReason()).isEqualTo(String.format(
          "page is %,d bytes, over the cap of 1,048,576 bytes (split.max-page-bytes); not read", size));
    });
    assertThat(summary.unreadable()).isEqualTo(1);
  }

  private static IngestPipeline pipeline(SplitLimits limits) {
    return new IngestPipeline(new PageSources(new HttpPageFetcher(), LocalDate.of(2025, 1, 10)),
        new PageSplitter(limits), Clock.systemUTC());
  }

  /** Writes {@code [{"junk":…},…]} of at least {@code bytes} bytes without holding it; returns the objects. */
  private static long writeJunkArray(Path file, long bytes) throws IOException {
    byte[] object = ("{\"junk\":\"" + "abcdefghij".repeat(6) + "\",\"n\":1}").getBytes(UTF_8);
    long written = 1;
    long objects = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write('[');
      while (written + 1 < bytes) {
        if (objects > 0) {
          out.write(',');
          written++;
        }
        out.write(object);
        written += object.length;
        objects++;
      }
      out.write(']');
    }
    return objects;
  }
}
