package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.MockStores;
import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.search.SearchPapers;
import io.paperstream.schemas.Paper;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VocabularyLessonsTest {

  private static final String ID = "2601.00002";
  private static final String TITLE = "Brine Ledgers for Harbour Gauges";
  private static final String ABSTRACT = "We count brine ledgers with harbour gauge networks and tide forecasting.";
  private static final List<String> OWN_KEYWORDS = List.of("brine ledgers", "harbour gauges");

  private final KeywordExtractor extractor = new KeywordExtractor(5);
  private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
  private final VocabularyLessons lessons = new VocabularyLessons("lessons", extractor);

  @BeforeEach
  void init() {
    MockStores.inMemory(context, "lessons", Serdes.String());
    lessons.init(context);
  }

  @Test
  void aLessonCountsTheCandidatesOfTheExtractionItsChangeCarries() {
    // given a new paper with keywords of its own, enriched: its change carries the extraction
    KeywordExtractor.Extraction extraction = extractor.extraction(TITLE, ABSTRACT, OWN_KEYWORDS, KeyphraseVocabulary.EMPTY);
    Paper paper = paper(TITLE, ABSTRACT);

    // when its lesson is taught
    lessons.process(new Record<>(ID, new PaperChange(ID, null, paper, null, extraction), 0L));

    // then the candidates it saw are those of the extraction, the same as reading the text again
    assertThat(seenPhrases(delta())).isEqualTo(extraction.candidatePhrases())
        .isEqualTo(extractor.candidatePhrases(TITLE, ABSTRACT)).isNotEmpty();
  }

  @Test
  void aChangeWithoutAnExtractionHasItsTextRead() {
    // given a paper whose keywords were carried over (a hand-over), so nothing was extracted
    Paper paper = paper(TITLE, ABSTRACT);

    // when its lesson is taught
    lessons.process(new Record<>(ID, new PaperChange(ID, null, paper, null), 0L));

    // then the candidates come from its text
    assertThat(seenPhrases(delta())).isEqualTo(extractor.candidatePhrases(TITLE, ABSTRACT)).isNotEmpty();
  }

  private String delta() {
    assertThat(context.forwarded()).hasSize(1);
    return context.forwarded().get(0).record().value();
  }

  /** The phrases of the {@code +s phrase} lines of a lesson's deltas. */
  private static Set<String> seenPhrases(String deltas) {
    return Arrays.stream(deltas.split("\n")).filter(line -> line.startsWith("+s "))
        .map(line -> line.substring(3)).collect(Collectors.toSet());
  }

  private static Paper paper(String title, String abstractText) {
    return Paper.newBuilder(SearchPapers.paper(ID, title, abstractText, null)).setSourceKeywords(OWN_KEYWORDS).build();
  }
}
