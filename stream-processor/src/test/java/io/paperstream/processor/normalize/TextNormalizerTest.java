package io.paperstream.processor.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  private final TextNormalizer normalizer = new TextNormalizer();

  @Test
  void nullStaysNull() {
    // given
    String raw = null;

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isNull();
  }

  @Test
  void foldsUnicodeCompatibilityForms() {
    // given: full-width letters, a ligature, a no-break space
    String raw = "ＳＰＡＲＳＥ lattice \uFB01tting\u00A0works";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("SPARSE lattice fitting works");
  }

  @Test
  void undoesHardWrapsAndCollapsesWhiteSpace() {
    // given: an API title wrapped with a newline and indentation
    String raw = "  Sparse Lattice Transformers for Tidal\n  Forecasting \t at\r\nScale  ";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("Sparse Lattice Transformers for Tidal Forecasting at Scale");
  }

  @Test
  void removesInvisibleCharacters() {
    // given: a soft hyphen and a zero-width space inside words
    String raw = "tidal fore\u00ADcasting with zero\u200Bshot prompts";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("tidal forecasting with zeroshot prompts");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "reaches 97\\% recall                | reaches 97% recall",
      "an R\\&D budget                      | an R&D budget",
      "the tide\\_gauge set                 | the tide_gauge set",
      "ranked \\#1 on the board             | ranked #1 on the board",
      "costs \\$3 per hour                  | costs $3 per hour",
      "the set \\{a, b\\}                   | the set {a, b}",
      "line one\\\\line two                 | line one line two",
  })
  void turnsEscapesIntoCharacters(String raw, String expected) {
    // given raw

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo(expected);
  }

  @Test
  void turnsLatexQuotesIntoTypographicQuotes() {
    // given
    String raw = "the ``tidal memory'' effect and the `slack' phase, also ``Marea,\" a tool";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("the “tidal memory” effect and the ‘slack’ phase, also “Marea,” a tool");
  }

  @Test
  void leavesApostrophesAlone() {
    // given
    String raw = "the model's output and the 'plain' quotes";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo(raw);
  }

  @Test
  void turnsNonBreakingTildesIntoSpacesButKeepsApproximationsAndRanges() {
    // given
    String raw = "the Lattice~model of Ames~et~al. (e.g.,~SVD), see Fig.~2, Forecasters~(TFs), "
        + "about ~4% faster, 10~20% smaller";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("the Lattice model of Ames et al. (e.g., SVD), see Fig. 2, Forecasters (TFs), "
        + "about ~4% faster, 10~20% smaller");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "an \\emph{adaptive} grid                  | an adaptive grid",
      "a \\textbf{coarse} pass                   | a coarse pass",
      "a \\textit{fine} pass                     | a fine pass",
      "the \\texttt{tidekit} library             | the tidekit library",
      "a \\textbf{\\emph{nested}} marker         | a nested marker",
      "{\\it long-range} and {\\bf short-range}  | long-range and short-range",
      "three textit{O}bstacles                   | three Obstacles",
  })
  void keepsTheTextOfFormattingMacros(String raw, String expected) {
    // given raw

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo(expected);
  }

  @Test
  void keepsTheNameOfABareMacro() {
    // given: papers write their system's name as a macro
    String raw = "we present \\tidekit, and \\tidekit{} outperforms baselines";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("we present tidekit, and tidekit outperforms baselines");
  }

  @Test
  void translatesSymbolsAccentsAndInlineMath() {
    // given
    String raw = "Poincar\\'e maps, G\\\"{o}del codes, $\\alpha$-blending, a $\\sim$3 speed-up, "
        + "$2\\times$ faster, a cost of $5 or $7";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("Poincaré maps, Gödel codes, α-blending, a ~3 speed-up, 2× faster, a cost of $5 or $7");
  }

  @Test
  void dropsCitationsAndReferences() {
    // given
    String raw = "as shown before~\\cite{ames2021tides} in Table~\\ref{tab:main}, the grid wins";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("as shown before in Table, the grid wins");
  }

  @Test
  void turnsDoubleAndTripleHyphensIntoDashesInProse() {
    // given
    String raw = "Marea -- a tidal model --- works; pages 10--20";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("Marea – a tidal model — works; pages 10–20");
  }

  @Test
  void leavesArrowsAndCommandLineFlagsAlone() {
    // given
    String raw = "state A --> state B, run with --fast";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo(raw);
  }

  @Test
  void leavesUrlsIntact() {
    // given: URLs with double hyphens, tildes, quotes-like and trailing sentence punctuation
    String raw = "Code: https://github.com/tide-lab/marea--v2. Data at www.example.org/~ames/tides "
        + "(see https://example.org/wiki/Tide_(physics)).";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo(raw);
  }

  @Test
  void undoesLatexEscapesInsideUrls() {
    // given
    String raw = "available at \\url{https://github.com/tide-lab/marea\\_kit}";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("available at https://github.com/tide-lab/marea_kit");
  }

  @Test
  void keepsTheTextOfAStrippedLinkOnceOnly() {
    // given: what pages print for \href{url}{text} once the macro name is lost
    String raw = "project page https://tide.example.org{https://tide.example.org} and "
        + "https://video.example.org/x1{Video}";

    // when
    String normalized = normalizer.normalize(raw);

    // then
    assertThat(normalized).isEqualTo("project page https://tide.example.org and https://video.example.org/x1 Video");
  }

  @Test
  void findsUrlsInAnyCaseAndLinksWithoutAWebScheme() {
    // given: the forms the cheap "may hold a URL" scan must not miss
    String raw = "Code: HTTPS://Example.org/a--b, mirror WWW.Example.net/x--y and "
        + "\\href{mailto:tides@example.org}{write to us}";

    // when
    String normalized = normalizer.normalize(raw);

    // then the URLs keep their double hyphens and the mail link keeps its text and address
    assertThat(normalized).isEqualTo("Code: HTTPS://Example.org/a--b, mirror WWW.Example.net/x--y and "
        + "write to us (mailto:tides@example.org)");
  }

  @Test
  void isIdempotent() {
    // given
    String once = normalizer.normalize("A \\emph{Lattice} -- ``fast'' model at 99\\%, see https://a.example/b--c");

    // when
    String twice = normalizer.normalize(once);

    // then
    assertThat(twice).isEqualTo(once);
  }
}
