package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.normalize.UrlScan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links and addresses are cut out of a text before it is split into words; the pattern runs only
 * on texts that can hold one, and only its URL branch on texts without an '@'. Either way the
 * text that comes out is the one the whole pattern gives.
 */
class LinkCuttingTest {

  private static final List<String> TEXTS = List.of(
      "Tide gauges drift; no link here.",
      "Code at https://example.org/tide-gauge and more.",
      "See HTTP://EXAMPLE.ORG/x, or Www.Example.org/y (mirror).",
      "Write to harbour@example.org or (brine@ledger.example).",
      "Both: ledger@example.org and https://example.org/ledger.",
      "An @ alone, a www without a dot, and ww.example.org.",
      "Dots everywhere... w.w.w. and .www",
      "",
      "wwwx.example and awww.example.org both hold www. in some case");

  @Test
  void cuttingLinksGivesWhatTheWholePatternGives() {
    for (String text : TEXTS) {
      // when
      String cut = NounPhraseCandidates.withoutLinks(text);

      // then
      assertThat(cut).as(text).isEqualTo(NounPhraseCandidates.LINK.matcher(text).replaceAll(" ; "));
    }
  }

  @Test
  void onlyTextsThatHoldAUrlMarkerAreMatched() {
    // given / when / then
    assertThat(UrlScan.mayHoldUrl("Tide gauges drift; w.w.w and ww.x")).isFalse();
    assertThat(UrlScan.mayHoldUrl("see WWW.example.org")).isTrue();
    assertThat(UrlScan.mayHoldUrl("see ftp://example.org")).isTrue();
  }
}
