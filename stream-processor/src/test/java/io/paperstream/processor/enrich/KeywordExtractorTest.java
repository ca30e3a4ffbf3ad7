package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

  private static final String TIDE_TITLE = "Sparse Lattice Transformers for Tidal Forecasting";
  private static final String TIDE_ABSTRACT = "Tidal forecasting at coastal stations remains hard for Deep Neural "
      + "Networks (DNNs), which ignore the lattice structure of gauge networks. We propose Sparse Lattice "
      + "Transformers (SLTs), a family of sparse attention models that route messages along a learned lattice. "
      + "An SLT is trained with a self-supervised pre-training objective on ten years of gauge records, and then "
      + "fine-tuned for storm-surge prediction. Compared with recurrent DNNs and graph-based DNN baselines, SLTs "
      + "reduce forecasting error by 18% while using 40% fewer parameters. Our code is available at "
      + "https://github.com/tide-lab/slt.";

  private static final String RADAR_TITLE = "Teaching LLMs to Read Weather Radar with In-Context Learning";
  private static final String RADAR_ABSTRACT = "Large language models (LLMs) can describe images, but can they read "
      + "weather radar? We introduce RadarQA, a benchmark of 12,000 radar scans paired with questions about "
      + "precipitation cells, storm tracks and hail cores. We evaluate eight open LLMs with chain-of-thought "
      + "prompting and in-context learning, and find that radar interpretation improves with retrieval-augmented "
      + "generation (RAG) over meteorological manuals. Mixture-of-experts models are the most robust to "
      + "out-of-distribution radar sites. The best LLM reaches 71% accuracy, far below human forecasters.";

  private final KeywordExtractor extractor = new KeywordExtractor();

  @Test
  void extractsMultiWordKeyphrasesTitlePhraseFirst() {
    // given the tidal abstract

    // when
    List<String> keywords = extractor.keywords(TIDE_TITLE, TIDE_ABSTRACT, List.of());

    // then the title's noun phrase ranks first, the abstract's concepts follow
    assertThat(keywords).hasSizeLessThanOrEqualTo(KeywordExtractor.DEFAULT_MAX_KEYWORDS);
    assertThat(keywords.get(0)).isEqualTo("sparse lattice transformer");
    assertThat(keywords).contains("tidal forecasting", "deep neural network", "storm surge prediction");
  }

  @Test
  void aDefinedAcronymCountsAsItsExpansionAndNeverStandsAlone() {
    // given: "Deep Neural Networks (DNNs)" and "Sparse Lattice Transformers (SLTs)" are defined, then used

    // when
    List<String> keywords = extractor.keywords(TIDE_TITLE, TIDE_ABSTRACT, List.of());

    // then
    assertThat(keywords).contains("deep neural network", "sparse lattice transformer");
    assertThat(keywords).doesNotContain("dnn", "slt", "dnns", "slts");
    assertThat(keywords).noneMatch(k -> k.matches(".*\\b(dnn|slt)s?\\b.*"));
  }

  @Test
  void laterMentionsOfADefinedAcronymRaiseItsExpansion() {
    // given: the expansion is printed once, the acronym three more times
    String title = "Coastal Gauges";
    String once = "Deep Neural Networks (DNNs) are used for coastal gauges. Tide tables are older.";
    String often = once + " A DNN is fast. DNNs are cheap. Each DNN is small.";

    // when
    List<String> rare = extractor.keywords(title, once, List.of());
    List<String> frequent = extractor.keywords(title, often, List.of());

    // then
    assertThat(frequent).contains("deep neural network");
    assertThat(frequent.indexOf("deep neural network")).isLessThanOrEqualTo(
        rare.contains("deep neural network") ? rare.indexOf("deep neural network") : Integer.MAX_VALUE);
    assertThat(frequent.indexOf("deep neural network")).isLessThan(frequent.indexOf("tide table"));
  }

  @Test
  void aTextsOwnDefinitionWinsOverTheDictionary() {
    // given: RL usually means reinforcement learning
    String abstractText = "We study Residual Lattices (RL) for tide gauges. An RL layer is stacked on gauge features.";

    // when
    List<String> keywords = extractor.keywords("Gauge Lattices", abstractText, List.of());

    // then
    assertThat(keywords).contains("residual lattice layer");
    assertThat(keywords).noneMatch(k -> k.contains("reinforcement"));
  }

  @Test
  void foldsPluralsHyphensAndAcronymsAcrossMentions() {
    // given: one concept spelled four ways
    String abstractText = "Large Language Models (LLMs) forecast tides. A large-language model reads gauges. "
        + "The LLM fails on surges, and LLMs hallucinate lattices.";

    // when
    List<String> keywords = extractor.keywords("Tide Forecasting", abstractText, List.of());

    // then
    assertThat(keywords).contains("large language model");
    assertThat(keywords).doesNotContain("llm", "large language models", "large-language model");
  }

  @Test
  void stopWordsNeverStartOrEndAKeyphrase() {
    // given the two invented abstracts

    // when
    List<String> keywords = new ArrayList<>(extractor.keywords(TIDE_TITLE, TIDE_ABSTRACT, List.of()));
    keywords.addAll(extractor.keywords(RADAR_TITLE, RADAR_ABSTRACT, List.of()));

    // then
    assertThat(keywords).allSatisfy(keyword -> {
      String[] words = keyword.split(" ");
      assertThat(extractor.isStopWord(words[0])).as("first word of %s", keyword).isFalse();
      assertThat(extractor.isStopWord(words[words.length - 1])).as("last word of %s", keyword).isFalse();
    });
  }

  @Test
  void keepsHyphenatedCompoundsWithStopWordsTogether() {
    // given the radar abstract ("in-context learning", "chain-of-thought prompting", "out-of-distribution")

    // when
    List<String> keywords = extractor.keywords(RADAR_TITLE, RADAR_ABSTRACT, List.of());

    // then
    assertThat(keywords).contains("in-context learning", "retrieval augmented generation", "large language model");
    assertThat(extractor.candidatePhrases(RADAR_TITLE, RADAR_ABSTRACT))
        .contains("chain of thought prompting", "out-of-distribution radar site");
    assertThat(keywords).noneMatch(k -> k.equals("context learning") || k.equals("rag"));
  }

  @Test
  void dropsNumbersLinksAndGenericWords() {
    // given
    String abstractText = "We propose a method. Our results show 42 improvements over the approach in 2023. "
        + "Paper code: https://github.com/tide-lab/marea.";

    // when
    List<String> keywords = extractor.keywords("A Method", abstractText, List.of());

    // then
    assertThat(keywords).doesNotContain("method", "result", "approach", "paper", "code", "42", "2023", "github",
        "tide lab", "marea", "propose", "show");
  }

  @Test
  void sourceKeywordsComeFirstCanonicalizedAndDeduplicated() {
    // given
    List<String> source = List.of("Weather-Radars", "LLM reasoning", "the", "  ", "weather radar", "RAG");

    // when
    List<String> keywords = extractor.keywords(RADAR_TITLE, RADAR_ABSTRACT, source);

    // then
    assertThat(keywords).startsWith("weather radar", "large language model reasoning", "retrieval augmented generation");
    assertThat(keywords).doesNotContain("the", "");
    assertThat(keywords).doesNotHaveDuplicates();
  }

  @Test
  void sourceKeywordsUseTheTextsAcronymDefinitions() {
    // given: the page's own keyword is an acronym the abstract defines
    List<String> source = List.of("SLTs");

    // when
    List<String> keywords = extractor.keywords(TIDE_TITLE, TIDE_ABSTRACT, source);

    // then
    assertThat(keywords.get(0)).isEqualTo("sparse lattice transformer");
    assertThat(keywords).doesNotHaveDuplicates();
  }

  @Test
  void returnsAtMostTheConfiguredNumber() {
    // given
    KeywordExtractor three = new KeywordExtractor(3);
    List<String> source = List.of("tide gauge", "storm surge", "coastal station", "harbor pilot");

    // when
    List<String> extracted = three.keywords(TIDE_TITLE, TIDE_ABSTRACT, List.of());
    List<String> fromSource = three.keywords(TIDE_TITLE, TIDE_ABSTRACT, source);

    // then
    assertThat(extracted).hasSize(3);
    assertThat(fromSource).containsExactly("tide gauge", "storm surge", "coastal station");
  }

  @Test
  void rejectsANonPositiveLimit() {
    // given / when / then
    assertThatThrownBy(() -> new KeywordExtractor(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outputIsDeterministic() {
    // given
    KeywordExtractor other = new KeywordExtractor();

    // when
    List<String> first = extractor.keywords(RADAR_TITLE, RADAR_ABSTRACT, List.of("radar"));
    List<String> second = extractor.keywords(RADAR_TITLE, RADAR_ABSTRACT, List.of("radar"));
    List<String> third = other.keywords(RADAR_TITLE, RADAR_ABSTRACT, List.of("radar"));

    // then
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  @Test
  void everyKeywordIsItsOwnCanonicalForm() {
    // given the two invented abstracts

    // when
    List<String> keywords = new ArrayList<>(extractor.keywords(TIDE_TITLE, TIDE_ABSTRACT, List.of("Storm-Surges")));
    keywords.addAll(extractor.keywords(RADAR_TITLE, RADAR_ABSTRACT, List.of("LLM-as-a-judge")));

    // then
    assertThat(keywords).allSatisfy(keyword -> assertThat(extractor.canonical(keyword)).isEqualTo(keyword));
  }

  @Test
  void handlesMissingText() {
    // given / when / then
    assertThat(extractor.keywords(null, null, null)).isEmpty();
    assertThat(extractor.keywords("", " ", List.of())).isEmpty();
    assertThat(extractor.keywords(null, null, List.of("Tide Gauges"))).containsExactly("tide gauge");
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    // given
    List<String> expected = extractor.keywords(TIDE_TITLE, TIDE_ABSTRACT, List.of());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      // when
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> extractor.keywords(TIDE_TITLE, TIDE_ABSTRACT, List.of())));
      }

      // then
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLongRunWithoutSpacesCostsLinearTime() {
    // given a title of 100,000 characters without a space, and an abstract of e-mail-like junk
    String title = "x".repeat(100_000);
    String junk = "a@".repeat(50_000);

    // when keywords are extracted
    long start = System.nanoTime();
    List<String> keywords = extractor.keywords(title, junk, List.of());
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then it ends in far less than the seconds a quadratic pattern needs (~19 s before)
    assertThat(keywords).hasSizeLessThanOrEqualTo(extractor.maxKeywords());
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void eMailAddressesAndLinksAreNotKeywords() {
    List<String> keywords = extractor.keywords("Tidal Lattices",
        "Write to tide.lab@coast.example.org or see www.tide-lab.example.com/slt for the tidal lattice code.", List.of());
    assertThat(String.join(" ", keywords)).doesNotContain("example").doesNotContain("coast");
  }
}
