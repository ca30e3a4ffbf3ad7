package io.paperstream.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.MockStores;
import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.search.SearchPapers;
import io.paperstream.schemas.Paper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private static final int PARTITIONS = 3;

  private final KeywordExtractor extractor = new KeywordExtractor(5);
  private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
  private final VocabularyLessons lessons = new VocabularyLessons("lessons", extractor, PARTITIONS);

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

  @Test
  void aLessonIsCutIntoOnePartPerPartitionEachWithThePhrasesThatPartitionCounts() {
    // given a new paper with keywords of its own and dozens of candidates
    KeywordExtractor.Extraction extraction = extractor.extraction(TITLE, ABSTRACT, OWN_KEYWORDS, KeyphraseVocabulary.EMPTY);

    // when its lesson is taught
    lessons.process(new Record<>(ID, new PaperChange(ID, null, paper(TITLE, ABSTRACT), null, extraction), 0L));

    // then each part is keyed by its partition and holds only phrases that partition counts
    assertThat(context.forwarded()).hasSizeGreaterThan(1);
    context.forwarded().forEach(part -> {
      int partition = Integer.parseInt(part.record().key());
      assertThat(part.record().value().split("\n"))
          .allSatisfy(line -> assertThat(VocabularyPartitioner.partitionOf(line.substring(3), PARTITIONS))
              .isEqualTo(partition));
    });
    assertThat(context.forwarded()).extracting(part -> part.record().key()).doesNotHaveDuplicates();
    // and together the parts are the whole lesson: the paper itself, its choices, its candidates
    assertThat(seenPhrases(delta())).isEqualTo(extraction.candidatePhrases());
    assertThat(delta().split("\n")).contains("+c ", "+c brine ledger", "+c harbour gauge");
  }

  @Test
  void theSamePhraseGoesToTheSamePartitionFromEveryTaskThatTeachesIt() {
    // given two lesson processors, as two tasks reading different partitions of the papers
    MockProcessorContext<String, String> otherContext = new MockProcessorContext<>();
    MockStores.inMemory(otherContext, "lessons", Serdes.String());
    VocabularyLessons otherTask = new VocabularyLessons("lessons", extractor, PARTITIONS);
    otherTask.init(otherContext);

    // when each teaches a different paper that offers the same phrases
    lessons.process(new Record<>(ID, new PaperChange(ID, null, paper(TITLE, ABSTRACT), null), 0L));
    String otherId = "2601.00003";
    otherTask.process(new Record<>(otherId, new PaperChange(otherId, null,
        Paper.newBuilder(paper(TITLE, ABSTRACT + " Brine ledgers again.")).setPaperId(otherId).build(), null), 0L));

    // then every phrase both taught has its lines under the same partition key in both
    Map<String, String> here = partitionOfEachPhrase(context);
    Map<String, String> there = partitionOfEachPhrase(otherContext);
    assertThat(here.keySet()).containsAnyElementsOf(there.keySet()).contains("");
    here.forEach((phrase, partition) -> {
      if (there.containsKey(phrase)) {
        assertThat(there.get(phrase)).as(phrase).isEqualTo(partition);
      }
    });
  }

  /** Each phrase of the forwarded parts, with the key of the part it came in. */
  private static Map<String, String> partitionOfEachPhrase(MockProcessorContext<String, String> context) {
    Map<String, String> partitions = new HashMap<>();
    context.forwarded().forEach(part -> Arrays.stream(part.record().value().split("\n"))
        .forEach(line -> partitions.put(line.substring(3), part.record().key())));
    return partitions;
  }

  /** The lesson's deltas, all its parts joined. */
  private String delta() {
    assertThat(context.forwarded()).isNotEmpty();
    return context.forwarded().stream().map(part -> part.record().value()).collect(Collectors.joining("\n"));
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
