package io.paperstream.processor.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Long unbroken input through the patterns of the text normalizer and the code-link search (the
 * date and arXiv id readers only see the 500 characters {@link FieldLimits} lets through). Each
 * input was chosen against one pattern: before the fix it cost quadratic time (minutes at this
 * size) or overflowed the stack.
 * The time limit is a guard against that, far above what one linear pass takes, not a
 * measurement.
 */
class HostileTextTest {

  /** Six times the longest field the normalizer accepts ({@link FieldLimits#ABSTRACT}). */
  private static final int SIZE = 300_000;
  private static final Duration LINEAR = Duration.ofSeconds(20);

  static Stream<Arguments> hostileTexts() {
    return Stream.of(
        Arguments.of("no space", "x".repeat(SIZE)),
        Arguments.of("URL starts back to back", "http://".repeat(SIZE / 7)),
        Arguments.of("one long URL", "https://example.org/" + "a".repeat(SIZE)),
        Arguments.of("escapes in a URL", "https://example.org/" + "a\\_".repeat(SIZE / 3)),
        Arguments.of("URL then brace, never closed", "http://a{" + "http://b ".repeat(SIZE / 9)),
        Arguments.of("URL ending in brackets", "https://example.org/" + ")".repeat(SIZE)),
        Arguments.of("ties", "~".repeat(SIZE)),
        Arguments.of("citation arguments", "\\cite" + "[]".repeat(SIZE / 2)),
        Arguments.of("citation openers", "\\cite[".repeat(SIZE / 6)),
        Arguments.of("raise and digits", "\\raise" + "1".repeat(SIZE)),
        Arguments.of("macro letters", "\\" + "a".repeat(SIZE)),
        Arguments.of("href openers", "\\href{".repeat(SIZE / 6)),
        Arguments.of("dollars", "$a".repeat(SIZE / 2)),
        Arguments.of("quotes", "``a".repeat(SIZE / 3)),
        Arguments.of("single quotes", "`a".repeat(SIZE / 2)),
        Arguments.of("dashes", "-".repeat(SIZE)),
        Arguments.of("braces", "{".repeat(SIZE)),
        Arguments.of("text macros", "\\textbf{".repeat(SIZE / 8)),
        Arguments.of("placeholder characters", "\uE000\uE100\uE100\uE001".repeat(SIZE / 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTexts")
  void textNormalizationIsLinear(String what, String text) {
    // when
    String normalized = assertTimeoutPreemptively(LINEAR, () -> new TextNormalizer().normalize(text));

    // then nothing of the normalizer's own placeholders is left
    assertThat(normalized).isNotNull().doesNotContain("\uE000", "\uE001");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTexts")
  void codeLinkSearchIsLinear(String what, String text) {
    CodeLinks links = new CodeLinks();
    assertThat(assertTimeoutPreemptively(LINEAR, () -> links.codeUrls(text, "github.com/a/" + text)))
        .allMatch(url -> url.startsWith("https://"));
  }
}
