package io.paperstream.ingest.split;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageSplitterTest {

  private final PageSplitter splitter = SplitFixtures.splitter();

  @ParameterizedTest(name = "{0} declared as {1} is {2}")
  @CsvSource(nullValues = "none", value = {
      "api/2025-02-14.json,         text/plain,               API_JSON",
      "api/2025-02-14.json,         application/octet-stream, API_JSON",
      "api/2025-02-14.json,         none,                     API_JSON",
      "html/cards-only.html,        text/plain,               HTML",
      "html/island-double-quoted.html, none,                  HTML",
      "html/island-double-quoted.html, application/json,      HTML",
      "text/daily-page.txt,         none,                     TEXT",
      "text/daily-page.txt,         application/octet-stream, TEXT",
      "text/daily-page.txt,         text/html,                TEXT",
      "text/search-page.txt,        text/plain,               TEXT"})
  void whatTheBodyLooksLikeDecidesTheForm(String fixture, String contentType, SourceKind expected) {
    // given
    Page page = SplitFixtures.fixture(fixture, contentType);

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(expected);
    assertThat(result.entries()).isNotEmpty();
  }

  @Test
  void declaredTypeBreaksTheTieForBodiesWithoutTellingSigns() {
    // given a body that looks like nothing in particular
    Page declaredJson = SplitFixtures.inline("https://example.org/a", "application/json", "null");
    Page declaredHtml = SplitFixtures.inline("https://example.org/b", "text/html", "Service temporarily unavailable");

    // when
    SplitResult json = splitter.split(declaredJson);
    SplitResult html = splitter.split(declaredHtml);

    // then
    assertThat(json.kind()).isEqualTo(SourceKind.API_JSON);
    assertThat(json.deadLetters()).singleElement().satisfies(dead -> assertThat(dead.getPosition()).isNull());
    assertThat(html.kind()).isEqualTo(SourceKind.HTML);
    assertThat(html.deadLetters()).singleElement().satisfies(dead -> assertThat(dead.getPosition()).isNull());
  }

  @Test
  void emptyPageIsOnePageLevelDeadLetterWithoutForm() {
    // given
    Page page = SplitFixtures.inline("file:///pages/empty.txt", "text/plain", new byte[0]);

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isNull();
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getSourceKind()).isNull();
      assertThat(dead.getSource()).isEqualTo("file:///pages/empty.txt");
      assertThat(dead.getReason()).contains("empty page");
    });
  }

  @Test
  void whiteSpaceOnlyPageIsEmptyToo() {
    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/blank.txt", null, " \n\t\r\n "));

    // then
    assertThat(result.deadLetters()).singleElement()
        .satisfies(dead -> assertThat(dead.getReason()).contains("empty page"));
  }

  @Test
  void binaryPageIsOnePageLevelDeadLetter() {
    // given the start of a PNG file
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("https://example.org/logo.png", "application/octet-stream", png));

    // then
    assertThat(result.kind()).isNull();
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isNull();
      assertThat(dead.getReason()).contains("binary");
      assertThat(dead.getExcerpt()).startsWith("bytes: 89 50 4e 47");
    });
  }

  @Test
  void invalidUtf8IsReplacedAndReportedWithItsOffsetAndTheEntryKept() {
    // given
    byte[] body = "new\nDaily Papers\nMar 13\nT".getBytes(UTF_8);
    byte[] broken = new byte[body.length + 2];
    System.arraycopy(body, 0, broken, 0, body.length);
    broken[body.length] = (byte) 0xC3;
    broken[body.length + 1] = (byte) 0x28;

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///pages/latin.txt", "text/plain", broken));

    // then
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly("T\uFFFD(");
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isZero();
      assertThat(dead.getReason()).contains("1 invalid UTF-8 byte").contains("offset " + body.length);
    });
  }

  @Test
  void declaredCharsetIsHonoured() {
    // given an ISO-8859-1 page whose é would be invalid UTF-8
    String text = "new\nDaily Papers\nMar 13\nRésumés of Estuary Models\n"
        + "We summarise estuary models in short résumés. Each résumé fits on one page.\n";
    Page page = SplitFixtures.inline("file:///pages/latin.txt", "text/plain; charset=ISO-8859-1",
        text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.entries()).singleElement()
        .satisfies(entry -> assertThat(entry.getTitle()).isEqualTo("Résumés of Estuary Models"));
  }

  @Test
  void hugeApiPageStaysFast() {
    // given twenty thousand entries
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"paper\":{\"id\":\"2501.").append(10000 + i)
          .append("\",\"title\":\"Synthetic Harbour Study ").append(i)
          .append("\",\"summary\":\"We study harbour number ").append(i)
          .append(". It is synthetic.\",\"authors\":[{\"name\":\"A. Writer\"},{\"name\":\"B. Writer\"}],\"upvotes\":").append(i % 50)
          .append("},\"publishedAt\":\"2025-01-10T04:00:00.000Z\",\"numComments\":1}");
    }
    body.append("]");
    Page page = SplitFixtures.inline("file:///pages/2025-01-10.json", "application/json", body.toString());

    // when
    SplitResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> splitter.split(page));

    // then
    assertThat(result.entries()).hasSize(20_000);
    assertThat(result.entries().get(19_999).getPosition()).isEqualTo(19_999);
  }

  @Test
  void hugeTextPageStaysFast() {
    // given ten thousand blocks
    StringBuilder body = new StringBuilder("new\nSubscribe\nDaily Papers\nMar 13\n");
    for (int i = 0; i < 10_000; i++) {
      body.append("Synthetic Estuary Study ").append(i).append("\n\n")
          .append("We study estuary number ").append(i).append(". It is synthetic and short.\n\n")
          .append("  • 3 authors\n·\nMar 1, 2024 ").append(i % 7).append("\n\n");
    }
    Page page = SplitFixtures.inline("file:///pages/huge.txt", "text/plain", body.toString());

    // when
    SplitResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> splitter.split(page));

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).hasSize(10_000);
  }

  @Test
  void oneSplitterServesManyThreadsWithIdenticalResults() throws Exception {
    // given
    List<Page> pages = List.of(SplitFixtures.fixture("text/daily-page.txt"), SplitFixtures.fixture("api/2025-02-14.json"),
        SplitFixtures.fixture("html/island-double-quoted.html"), SplitFixtures.fixture("html/cards-only.html"));
    List<List<RawEntry>> expected = pages.stream().map(p -> splitter.split(p).entries()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);

    // when
    List<Future<List<RawEntry>>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Page page = pages.get(i % pages.size());
        futures.add(pool.submit(() -> splitter.split(page).entries()));
      }

      // then
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(i % pages.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void formIsFoundBehindAnyAmountOfLeadingWhiteSpace() {
    // given
    Page page = SplitFixtures.inline("file:///pages/padded.json", null, " ".repeat(100_000) + "[]");

    // when
    SplitResult result = splitter.split(page);

    // then
    assertThat(result.kind()).isEqualTo(SourceKind.API_JSON);
    assertThat(result.deadLetters()).isEmpty();
  }
}
