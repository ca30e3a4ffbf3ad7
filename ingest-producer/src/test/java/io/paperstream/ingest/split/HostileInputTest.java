package io.paperstream.ingest.split;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.RawEntry;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile pages: each keeps its good entries and gives located dead letters, in bounded time. */
class HostileInputTest {

  /** Generous: the point is "seconds, not minutes" on a busy 2-core machine, not a benchmark. */
  private static final Duration BOUNDED = Duration.ofSeconds(30);
  private static final String HUGE_TITLE = "x".repeat(1024 * 1024);

  private final PageSplitter splitter = SplitFixtures.splitter();

  @Test
  void apiPageWithAOneMegabyteTitleKeepsItsOtherEntries() {
    // given
    List<String> entries = HostilePages.apiEntries(5);
    entries.set(2, HostilePages.apiEntry(2, HUGE_TITLE));
    Page page = SplitFixtures.inline("file:///pages/2025-01-10.json", "application/json", HostilePages.apiPage(entries));

    // when
    SplitResult result = assertTimeoutPreemptively(BOUNDED, () -> splitter.split(page));

    // then
    assertThat(result.entries()).extracting(RawEntry::getPosition).containsExactly(0, 1, 3, 4);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(2);
      assertThat(dead.getReason()).contains("title").contains("1,0").contains("split.max-");
    });
  }

  @Test
  void htmlPageWithAOneMegabyteTitleKeepsItsOtherEntries() {
    // given
    List<String> entries = HostilePages.apiEntries(5);
    entries.set(3, HostilePages.apiEntry(3, HUGE_TITLE));
    Page page = SplitFixtures.inline("https://huggingface.co/papers/date/2025-01-10", "text/html",
        HostilePages.htmlPage(entries));

    // when
    SplitResult result = assertTimeoutPreemptively(BOUNDED, () -> splitter.split(page));

    // then
    assertThat(result.entries()).extracting(RawEntry::getPosition).containsExactly(0, 1, 2, 4);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(3);
      assertThat(dead.getReason()).contains("title");
    });
  }

  @Test
  void textPageWithAOneMegabyteTitleKeepsItsOtherEntries() {
    // given
    List<String> titles = HostilePages.titles(5);
    titles.set(1, HUGE_TITLE);
    Page page = SplitFixtures.inline("file:///pages/jan10.txt", "text/plain", HostilePages.textPage(titles));

    // when
    SplitResult result = assertTimeoutPreemptively(BOUNDED, () -> splitter.split(page));

    // then
    assertThat(result.entries()).extracting(RawEntry::getPosition).containsExactly(0, 2, 3, 4);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(1);
      assertThat(dead.getReason()).isEqualTo(
          "title is 1,048,576 characters, over the limit of 1,000 (split.max-title-chars)");
      assertThat(dead.getExcerpt()).startsWith("xxx");
    });
  }

  @Test
  void sevenInvalidUtf8BytesInAnApiPageAreReplacedAndReported() {
    // given three entries, the second with 7 bytes that are not UTF-8 in its title
    List<String> entries = HostilePages.apiEntries(3);
    byte[] body = withInvalidBytes(HostilePages.apiPage(entries), "Tidal Lattice Study 1");
    int offset = HostilePages.apiPage(entries).indexOf("Study 1") + "Study 1".length();

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/2025-01-10.json", "application/json", body));

    // then
    assertThat(result.entries()).hasSize(3);
    assertThat(result.entries().get(1).getTitle()).isEqualTo("Tidal Lattice Study 1" + "\uFFFD".repeat(7));
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(1);
      assertThat(dead.getReason()).startsWith("7 invalid UTF-8 bytes replaced by U+FFFD")
          .contains("byte offset " + offset);
      assertThat(dead.getExcerpt()).contains("Tidal Lattice Study 1\uFFFD");
    });
  }

  @Test
  void sevenInvalidUtf8BytesInATextPageAreReplacedAndReported() {
    // given
    String text = HostilePages.textPage(HostilePages.titles(36));
    byte[] body = withInvalidBytes(text, "Tidal Lattice Study 20");

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/jan10.txt", "text/plain", body));

    // then
    assertThat(result.entries()).hasSize(36);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(20);
      String before = text.substring(0, text.indexOf("Tidal Lattice Study 20") + "Tidal Lattice Study 20".length());
      assertThat(dead.getReason()).startsWith("7 invalid UTF-8 bytes")
          .contains("byte offset " + before.getBytes(UTF_8).length + ";");
    });
  }

  @Test
  void aTruncatedArrayKeepsItsFiveCompleteEntries() {
    // given
    String whole = HostilePages.apiPage(HostilePages.apiEntries(6));
    String cut = whole.substring(0, whole.indexOf("Tidal Lattice Study 5"));

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/2025-01-10.json", "application/json", cut));

    // then
    assertThat(result.entries()).extracting(RawEntry::getPosition).containsExactly(0, 1, 2, 3, 4);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(5);
      assertThat(dead.getReason()).startsWith("not valid JSON (cut off) after entry 4 at byte offset " + cut.length());
      assertThat(dead.getExcerpt()).endsWith("\"title\":\"");
    });
  }

  @Test
  void aSyntaxErrorAfterTenValidEntriesKeepsThem() {
    // given
    List<String> entries = HostilePages.apiEntries(10);
    entries.add("{\"paper\":{\"id\":\"2501.99999\" \"title\":\"Missing Comma\"}}");
    entries.add(HostilePages.apiEntry(11, null));
    String page = HostilePages.apiPage(entries);

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/2025-01-10.json", "application/json", page));

    // then
    assertThat(result.entries()).hasSize(10);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(10);
      assertThat(dead.getReason()).startsWith("not valid JSON after entry 9 at byte offset "
          + (page.indexOf(" \"title\":\"Missing") + 1)).contains("10 entries before it");
      assertThat(dead.getExcerpt()).contains("\"2501.99999\" \"title\"");
    });
  }

  @Test
  void deadLettersBeyondThePageCapAreSummedUpInOne() {
    // given 1,000 elements that are not entries
    List<String> junk = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      junk.add(String.valueOf(i));
    }
    PageSplitter capped = new PageSplitter(SplitLimits.DEFAULTS.withMaxDeadLettersPerPage(100),
        Clock.fixed(SplitFixtures.NOW, ZoneOffset.UTC));

    // when
    SplitResult result = capped.split(SplitFixtures.inline("file:///junk.json", "application/json",
        HostilePages.apiPage(junk)));

    // then
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).hasSize(101);
    DeadLetter summary = result.deadLetters().get(100);
    assertThat(summary.getPosition()).isEqualTo(100);
    assertThat(summary.getReason()).startsWith("900 more dead letters of this page were dropped")
        .contains("split.max-dead-letters-per-page").contains("element is a number");
  }

  @Test
  void aPageOverTheSizeCapIsOneDeadLetterNamingItsSizeAndTheCap() {
    // given
    PageSplitter capped = new PageSplitter(SplitLimits.DEFAULTS.withMaxPageBytes(1000),
        Clock.fixed(SplitFixtures.NOW, ZoneOffset.UTC));
    byte[] body = HostilePages.apiPage(HostilePages.apiEntries(10)).getBytes(UTF_8);

    // when
    SplitResult result = capped.split(SplitFixtures.inline("file:///big.json", "application/json", body));

    // then
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getReason()).isEqualTo(String.format(
          "page is %,d bytes, over the cap of 1,000 bytes (split.max-page-bytes); not read", body.length));
    });
  }

  @Test
  void anEntryOverTheEntryBudgetIsSkippedWholeNamingTheField() {
    // given an author list of 100,000 names: small strings, a large entry
    StringBuilder authors = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      authors.append(i == 0 ? "" : ",").append("{\"name\":\"Writer ").append(i).append("\"}");
    }
    String big = "{\"paper\":{\"id\":\"2501.00001\",\"title\":\"Crowded\",\"authors\":[" + authors + "]}}";
    String page = HostilePages.apiPage(List.of(HostilePages.apiEntry(0, null), big, HostilePages.apiEntry(2, null)));

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/2025-01-10.json", "application/json", page));

    // then
    assertThat(result.entries()).extracting(RawEntry::getPosition).containsExactly(0, 2);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(1);
      assertThat(dead.getReason()).contains("split.max-entry-chars").contains("skipped whole");
    });
  }

  /** {@code text} with 7 bytes that are never valid UTF-8 inserted right after {@code after}. */
  private static byte[] withInvalidBytes(String text, String after) {
    int at = text.indexOf(after) + after.length();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(UTF_8));
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC0, (byte) 0xC1, (byte) 0xF5, (byte) 0xF8, (byte) 0x80});
    out.writeBytes(text.substring(at).getBytes(UTF_8));
    return out.toByteArray();
  }
}
