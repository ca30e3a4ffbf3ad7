package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a page holds, the splitter returns entries or located errors, never throws, and takes
 * bounded time. Pages are the invented fixtures of every form, damaged the ways captures and
 * transfers damage pages, plus random text and bytes.
 */
class PageSplitterPropertiesTest {

  private static final Duration PER_PAGE = Duration.ofSeconds(2);

  private static final List<String> FIXTURES = List.of(
      "text/daily-page.txt", "text/search-page.txt",
      "api/2025-02-14.json", "api/with-bad-elements.json", "api/wrapped-data.json",
      "html/island-double-quoted.html", "html/island-single-quoted.html", "html/search-island.html",
      "html/cards-only.html", "broken/truncated.json", "broken/no-papers.html", "broken/shopping-list.txt");

  /** Fragments that, inserted anywhere, push a page towards another form or a half-entry. */
  private static final List<String> TOKENS = List.of(
      "{", "}", "[", "]", "\"", "'", ",", ":", "null", "<", ">", "<div data-props=\"", "<article>", "<!--[-->",
      "&quot;", "·", "  • 3 authors", "Mar 13", "Feb 29", "Sep 29, 2023 1", "\n", "\n\n", "\\", "\u0000", "\uFEFF",
      "{\"paper\":{\"id\":\"2502.1\"}}", "Daily Papers\n", "v2");

  private static final List<String> CONTENT_TYPES = List.of(
      "", "text/plain", "application/json", "text/html; charset=utf-8", "application/octet-stream",
      "text/plain; charset=ISO-8859-1", "text/html; charset=nonsense");

  private final PageSplitter splitter = SplitFixtures.splitter();

  @Property(tries = 400)
  void mutatedFixturePagesGiveEntriesOrLocatedErrors(
      @ForAll("fixtureNames") String fixture,
      @ForAll("mutationLists") List<Mutation> mutations,
      @ForAll("contentTypes") String contentType) {
    // given
    byte[] body = SplitFixtures.bytes(fixture);
    for (Mutation mutation : mutations) {
      body = mutation.apply(body);
    }
    Page page = page("file:///fuzz/" + fixture, contentType, body);

    // when / then
    SplitResult result = assertSplitsCleanly(page);
    Statistics.label("outcome").collect(outcome(result));
  }

  @Property(tries = 300)
  void randomTextGivesEntriesOrLocatedErrors(
      @ForAll("pageLikeText") String text, @ForAll("contentTypes") String contentType) {
    assertSplitsCleanly(page("https://example.org/fuzz", contentType, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 300)
  void randomBytesGiveEntriesOrLocatedErrors(
      @ForAll("randomBytes") byte[] body, @ForAll("contentTypes") String contentType) {
    assertSplitsCleanly(page("https://example.org/fuzz.bin", contentType, body));
  }

  private static String outcome(SplitResult result) {
    if (result.deadLetters().stream().anyMatch(dead -> dead.getPosition() == null)) {
      return "page-level dead letter";
    }
    return result.deadLetters().isEmpty() ? "entries only" : "entries and located dead letters";
  }

  private SplitResult assertSplitsCleanly(Page page) {
    // when
    SplitResult result = assertTimeoutPreemptively(PER_PAGE, () -> splitter.split(page));

    // then
    assertThat(result).isNotNull();
    assertThat(result.deadLetters()).allSatisfy(dead -> {
      assertThat(dead.getReason()).isNotBlank();
      assertThat(dead.getSource()).isEqualTo(page.source());
      assertThat(dead.getStage()).isEqualTo("split");
      if (dead.getExcerpt() != null) {
        assertThat(dead.getExcerpt().length()).isLessThanOrEqualTo(DeadLetters.MAX_EXCERPT);
      }
    });
    boolean pageLevel = result.deadLetters().stream().anyMatch(dead -> dead.getPosition() == null);
    if (pageLevel) {
      assertThat(result.deadLetters()).hasSize(1);
      assertThat(result.entries()).isEmpty();
    }
    if (result.kind() == null) {
      assertThat(result.entries()).isEmpty();
      assertThat(result.deadLetters()).hasSize(1);
    }
    String fingerprint = PaperKeys.sha256Hex(page.body());
    assertThat(result.entries()).allSatisfy(entry -> {
      assertThat(entry.getTitle()).isNotBlank();
      assertThat(entry.getSource()).isEqualTo(page.source());
      assertThat(entry.getSourceKind()).isEqualTo(result.kind());
      assertThat(entry.getPageFingerprint()).isEqualTo(fingerprint);
    });
    Set<Integer> positions = new HashSet<>();
    result.entries().stream().map(RawEntry::getPosition).forEach(p -> assertThat(positions.add(p)).isTrue());
    // a report of replaced bytes names the entry that was kept with them: the one shared position
    result.deadLetters().stream().filter(dead -> !dead.getReason().contains("invalid UTF-8 byte"))
        .map(DeadLetter::getPosition).filter(p -> p != null)
        .forEach(p -> assertThat(positions.add(p)).as("position %s used twice", p).isTrue());
    assertThat(positions).allSatisfy(p -> assertThat(p).isNotNegative());
    return result;
  }

  private static Page page(String source, String contentType, byte[] body) {
    return new Page(source, contentType.isEmpty() ? null : contentType, body, SplitFixtures.FETCHED_AT, SplitFixtures.AS_OF);
  }

  @Provide
  Arbitrary<String> fixtureNames() {
    return Arbitraries.of(FIXTURES);
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(CONTENT_TYPES);
  }

  @Provide
  Arbitrary<List<Mutation>> mutationLists() {
    Arbitrary<Mutation> mutation = Combinators.combine(
            Arbitraries.of(MutationKind.class),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.integers().between(0, 600),
            Arbitraries.integers().between(0, 255))
        .as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> pageLikeText() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of(TOKENS),
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().alpha().numeric().whitespace().ofMaxLength(400));
    return token.list().ofMaxSize(60).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
  }

  enum MutationKind { DELETE, INSERT_BYTES, INSERT_TOKEN, TRUNCATE, FLIP_BYTE, SHUFFLE_LINES, DUPLICATE_LINE, SWAP_LINES }

  /** One damage to a page; {@code at} and {@code length} are taken modulo the page size. */
  record Mutation(MutationKind kind, int at, int length, int value) {

    byte[] apply(byte[] body) {
      int n = body.length;
      int position = n == 0 ? 0 : at % (n + 1);
      return switch (kind) {
        case DELETE -> splice(body, position, Math.min(length, n - position), new byte[0]);
        case INSERT_BYTES -> splice(body, position, 0, randomBytes(Math.min(length, 40)));
        case INSERT_TOKEN -> splice(body, position, 0,
            TOKENS.get(value % TOKENS.size()).getBytes(StandardCharsets.UTF_8));
        case TRUNCATE -> Arrays.copyOf(body, position);
        case FLIP_BYTE -> flip(body, position);
        case SHUFFLE_LINES, DUPLICATE_LINE, SWAP_LINES -> lines(body);
      };
    }

    private byte[] randomBytes(int count) {
      byte[] bytes = new byte[count];
      new Random(at).nextBytes(bytes);
      return bytes;
    }

    private byte[] flip(byte[] body, int position) {
      if (body.length == 0) {
        return body;
      }
      byte[] copy = body.clone();
      copy[position % body.length] ^= (byte) (1 << (value % 8));
      return copy;
    }

    private byte[] lines(byte[] body) {
      List<String> lines = new ArrayList<>(List.of(new String(body, StandardCharsets.UTF_8).split("\n", -1)));
      if (lines.size() < 2) {
        return body;
      }
      int i = at % lines.size();
      int j = (at / 7 + length) % lines.size();
      switch (kind) {
        case SHUFFLE_LINES -> Collections.shuffle(lines, new Random(at));
        case DUPLICATE_LINE -> lines.add(j, lines.get(i));
        default -> Collections.swap(lines, i, j);
      }
      return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] body, int at, int remove, byte[] insert) {
      byte[] out = new byte[body.length - remove + insert.length];
      System.arraycopy(body, 0, out, 0, at);
      System.arraycopy(insert, 0, out, at, insert.length);
      System.arraycopy(body, at + remove, out, at + insert.length, body.length - at - remove);
      return out;
    }
  }
}
