package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcronymsTest {

  @ParameterizedTest
  @ValueSource(strings = {"LLM", "LLMs", "ViT", "MoE", "SLTs", "GPT4"})
  void recognizesAcronyms(String word) {
    // given word

    // when / then
    assertThat(Acronyms.shaped(word)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Transformer", "tide", "A", "T5", "X-ray", "ABCDEFGHIJKL"})
  void rejectsOrdinaryWords(String word) {
    // given word

    // when / then
    assertThat(Acronyms.shaped(word)).isFalse();
  }

  @Test
  void keysAreLowerCaseSingular() {
    // given / when / then
    assertThat(Acronyms.key("LLMs")).isEqualTo("llm");
    assertThat(Acronyms.key("ViTs")).isEqualTo("vit");
    assertThat(Acronyms.key("GPT4")).isEqualTo("gpt4");
  }

  @Test
  void findsTheShortestLongForm() {
    // given: only the last three words abbreviate to SLT
    List<String> words = List.of("we", "propose", "sparse", "lattice", "transformers");

    // when
    int start = Acronyms.longFormStart("slt", words);

    // then
    assertThat(start).isEqualTo(2);
  }

  @Test
  void matchesLettersInsideWords() {
    // given
    List<String> words = List.of("a", "vision", "transformer");

    // when
    int start = Acronyms.longFormStart("vit", words);

    // then
    assertThat(start).isEqualTo(1);
  }

  @Test
  void rejectsWordsThatDoNotAbbreviateToTheAcronym() {
    // given
    List<String> words = List.of("coastal", "tide", "gauges");

    // when
    int start = Acronyms.longFormStart("dnn", words);

    // then
    assertThat(start).isEqualTo(-1);
  }
}
