package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.config.Settings;
import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordExtractor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void theInventedPapersGiveTheExtractorRealWork() {
    // given the invented papers the warm-up runs through
    List<String[]> papers = WarmUp.inventedPapers();
    KeywordExtractor extractor = new KeywordExtractor();

    // then there are several, each a title and an abstract the extractor finds keywords in
    assertThat(papers).hasSizeGreaterThanOrEqualTo(5);
    for (String[] paper : papers) {
      assertThat(paper[1].length()).as(paper[0]).isGreaterThan(300);
      assertThat(extractor.extract(paper[0], paper[1], KeyphraseVocabulary.EMPTY)).as(paper[0]).hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void warmingUpWorksThroughTheGivenNumberOfPapersAndEnds() throws InterruptedException {
    // when a warm-up over 20 papers starts
    try (WarmUp warmUp = WarmUp.start(20, KeywordExtractor.DEFAULT_MAX_KEYWORDS)) {
      // then it ends, having worked through all of them
      assertThat(warmUp.awaitDone(Duration.ofSeconds(60))).isTrue();
      assertThat(warmUp.papersDone()).isEqualTo(20);
    }
  }

  @Test
  void noPapersMeansNoWarmUp() throws InterruptedException {
    try (WarmUp warmUp = WarmUp.start(0, KeywordExtractor.DEFAULT_MAX_KEYWORDS)) {
      assertThat(warmUp.awaitDone(Duration.ZERO)).isTrue();
      assertThat(warmUp.papersDone()).isZero();
    }
  }

  @Test
  void theNumberOfPapersComesFromTheSettingsAndCannotBeNegative() {
    assertThat(new ProcessorSettings(Settings.defaults()).warmUpPapers()).isEqualTo(ProcessorSettings.DEFAULT_WARM_UP_PAPERS);
    assertThat(new ProcessorSettings(Settings.defaults().with(ProcessorSettings.WARM_UP_PAPERS_KEY, "0")).warmUpPapers())
        .isZero();
    assertThatThrownBy(() -> new ProcessorSettings(Settings.defaults()
        .with(ProcessorSettings.WARM_UP_PAPERS_KEY, "-1")).warmUpPapers())
        .hasMessage("processor.warm-up-papers must be 0 (off) or more, not -1");
  }
}
