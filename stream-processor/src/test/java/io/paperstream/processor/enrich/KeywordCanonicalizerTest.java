package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One canonical form per concept: what the API's queries and the counts both rely on. */
class KeywordCanonicalizerTest {

  private final KeywordCanonicalizer canonicalizer = new KeywordCanonicalizer();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Large Language Models (LLMs)", "LLMs", "LLM", "llms", "large-language model",
      "large language model", "Large Language Models", "the LLMs", "LLM's"})
  void everyLlmVariantHasOneCanonicalForm(String variant) {
    // given variant

    // when
    String canonical = canonicalizer.canonical(variant);

    // then
    assertThat(canonical).isEqualTo("large language model");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "Tidal Forecasters                 | tidal forecaster",
      "tidal-forecasters                 | tidal forecaster",
      "Glacier Patches                   | glacier patch",
      "storm analyses                    | storm analysis",
      "lattice strategies                | lattice strategy",
      "Ensemble Losses                   | ensemble loss",
      "radar physics                     | radar physics",
      "gauge bias                        | gauge bias",
      "mixtures of experts               | mixture of experts",
      "number of stations                | number of stations",
      "Pre-Training                      | pre training",
      "pretraining                       | pre training",
      "fine-tuning                       | fine tuning",
      "Finetuned                         | fine tuned",
      "multi-modal models                | multimodal model",
      "In-Context Learning               | in-context learning",
      "Out-of-Distribution Detection     | out-of-distribution detection",
      "text-to-image models              | text to image model",
      "Transformers                      | transformer",
      "transformer                       | transformer",
  })
  void foldsCaseHyphensAndPlurals(String phrase, String expected) {
    // given phrase

    // when
    String canonical = canonicalizer.canonical(phrase);

    // then
    assertThat(canonical).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "DNNs          | deep neural network",
      "GAN           | generative adversarial network",
      "ViTs          | vision transformer",
      "RLHF          | reinforcement learning from human feedback",
      "MoE layers    | mixture of experts layer",
      "CoT prompting | chain of thought prompting",
  })
  void resolvesCommonAcronymsThroughTheDictionary(String phrase, String expected) {
    // given phrase

    // when
    String canonical = canonicalizer.canonical(phrase);

    // then
    assertThat(canonical).isEqualTo(expected);
  }

  @Test
  void keepsAnUnknownAcronymAsItsLowerCaseSingular() {
    // given
    String phrase = "TLFs";

    // when
    String canonical = canonicalizer.canonical(phrase);

    // then
    assertThat(canonical).isEqualTo("tlf");
  }

  @Test
  void aPhraseThatDefinesItsAcronymIsItsLongForm() {
    // given
    String phrase = "Sparse Lattice Transformers (SLTs)";

    // when
    String canonical = canonicalizer.canonical(phrase);

    // then
    assertThat(canonical).isEqualTo("sparse lattice transformer");
  }

  @Test
  void canonicalOfNothingIsEmpty() {
    // given / when / then
    assertThat(canonicalizer.canonical(null)).isEmpty();
    assertThat(canonicalizer.canonical("  ")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Large Language Models (LLMs)", "In-Context Learning", "MoE", "Storm-Surge Analyses",
      "the LLM-as-a-judge setups", "Poincaré Balls", "GPT-4o", "Follow-Up Studies"})
  void canonicalIsIdempotent(String phrase) {
    // given
    String once = canonicalizer.canonical(phrase);

    // when
    String twice = canonicalizer.canonical(once);

    // then
    assertThat(twice).isEqualTo(once);
  }
}
