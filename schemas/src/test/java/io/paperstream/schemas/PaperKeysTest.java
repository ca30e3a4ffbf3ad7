package io.paperstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperKeysTest {

  @Test
  void arxivIdWinsAndLosesItsVersion() {
    assertThat(PaperKeys.provisionalKey("2601.00001v3", "Anything")).isEqualTo("2601.00001");
    assertThat(PaperKeys.provisionalKey(" 2601.00001 ", null)).isEqualTo("2601.00001");
  }

  @Test
  void titleKeyIgnoresCaseWhitespaceWrapsAndPunctuation() {
    // given one title rendered three ways
    String printed = "Quiet Gradients: Loud Networks";
    String wrapped = "quiet gradients:\n  loud   networks";
    String fullWidth = "ＱＵＩＥＴ Gradients — Loud Networks!";

    // then they share one key, and another title does not
    String key = PaperKeys.provisionalKey(null, printed);
    assertThat(key).startsWith(PaperKeys.TITLE_PREFIX).hasSize(PaperKeys.TITLE_PREFIX.length() + 32);
    assertThat(PaperKeys.provisionalKey("", wrapped)).isEqualTo(key);
    assertThat(PaperKeys.provisionalKey(null, fullWidth)).isEqualTo(key);
    assertThat(PaperKeys.provisionalKey(null, "Quiet Gradients in Loud Networks")).isNotEqualTo(key);
  }
}
