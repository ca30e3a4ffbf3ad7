package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NounPhraseCandidatesTest {

  private final NounPhraseCandidates candidates =
      new NounPhraseCandidates(new KeywordCanonicalizer(), PosLexicon.shipped());

  private List<String> phrases(String title, String abstractText) {
    return candidates.of(title, abstractText).candidates().stream().map(c -> c.phrase).toList();
  }

  @Test
  void nounPhrasesAndTheirNounEndingPartsAreCandidates() {
    // given an invented abstract
    String text = "The harbour gauge network improves multimodal tide forecasting capabilities.";

    // when
    List<String> phrases = phrases("Brine Ledgers", text);

    // then whole noun phrases and the shorter phrases inside them that end in a noun
    assertThat(phrases).contains("brine ledger", "harbour gauge network", "gauge network", "harbour gauge",
        "multimodal tide forecasting capability", "tide forecasting", "forecasting capability");
  }

  @Test
  void verbsAdverbsAndClauseFragmentsNeverBecomeCandidates() {
    // given
    String text = "We propose that coral sensors significantly outperform drifting buoys, which rapidly drive "
        + "embodied agents and carried concomitant improvement.";

    // when
    List<String> phrases = phrases(null, text);

    // then no candidate begins or ends with a verb, an adverb or a function word
    assertThat(phrases).contains("coral sensor", "drifting buoy");
    assertThat(phrases).noneMatch(p -> p.contains("propose") || p.contains("outperform") || p.contains("significantly")
        || p.contains("rapidly") || p.startsWith("which") || p.startsWith("drive ") || p.startsWith("carried "));
  }

  @Test
  void hyphenatedCompoundsStayWholeAndParticiplesOnlyModify() {
    // given
    String text = "A rule-based tide model uses text-to-image priors; supervised fine-tuning of hidden states. "
        + "The model is fine-tuned.";

    // when
    List<String> phrases = phrases(null, text);

    // then
    assertThat(phrases).contains("rule based tide model", "text to image prior", "supervised fine tuning",
        "hidden state");
    assertThat(phrases).doesNotContain("fine tuned", "based tide model");
  }

  @Test
  void thePagesSummaryMarksTheCandidatesItNamesAndAddsNone() {
    // given a paper whose page summarizes it in one sentence, naming one phrase of the abstract,
    // a defined acronym's concept and a phrase the text never says
    String title = "Brine Ledgers for Tide Gauges";
    String abstractText = "Brine ledgers (BLs) keep tide gauges honest. Kelp beds and reef maps are cheap.";
    String summary = "Tide gauges are honest with BLs and a quiet harbour protocol.";

    // when
    NounPhraseCandidates.Text with = candidates.of(title, abstractText, summary);
    NounPhraseCandidates.Text without = candidates.of(title, abstractText);

    // then the phrases it names are marked (the acronym as its concept), the others are not
    assertThat(with.hasSummary()).isTrue();
    assertThat(with.candidate("tide gauge").inSummary).isEqualTo(1);
    assertThat(with.candidate("tide gauge").wholeInSummary).isTrue();
    assertThat(with.candidate("brine ledger").inSummary).isEqualTo(1);
    assertThat(with.candidate("kelp bed").inSummary).isZero();
    // and the summary adds no candidate and changes no count of the text's own
    assertThat(with.candidate("harbour protocol")).isNull();
    assertThat(with.candidates()).extracting(c -> c.phrase + "×" + c.occurrences)
        .containsExactlyElementsOf(without.candidates().stream().map(c -> c.phrase + "×" + c.occurrences).toList());
    assertThat(without.hasSummary()).isFalse();
  }

  @Test
  void countsOccurrencesTitleAndPositionPerCanonicalPhrase() {
    // given a concept said in the title and twice more, once as an acronym the text defines
    NounPhraseCandidates.Text text = candidates.of("Brine Ledgers for Tide Gauges",
        "Brine ledgers (BLs) keep tide gauges honest. A BL is cheap.");

    // when
    Map<String, Candidate> byPhrase = new java.util.HashMap<>();
    text.candidates().forEach(c -> byPhrase.put(c.phrase, c));

    // then
    Candidate ledger = byPhrase.get("brine ledger");
    assertThat(ledger.occurrences).isEqualTo(3);
    assertThat(ledger.inTitle).isEqualTo(1);
    assertThat(ledger.firstPosition).isZero();
    assertThat(ledger.definedConcept).isTrue();
    assertThat(text.definitions()).containsEntry("bl", "brine ledger");
  }

  @Test
  void anActivityAfterAModifierEndsAPhraseAndAVerbAloneDoesNot() {
    // given -ing words the lexicon does not know as nouns, after a noun and on their own
    String text = "Ledger cleaning helps buoy steering. Cleaning is slow.";

    // when
    List<String> phrases = phrases(null, text);

    // then
    assertThat(phrases).contains("ledger cleaning", "buoy steering");
    assertThat(phrases).doesNotContain("cleaning", "steering");
  }

  @Test
  void twoGenericWordsMayBeACandidateOneNever() {
    // given
    String text = "A world model of the method.";

    // when
    List<String> phrases = phrases(null, text);

    // then
    assertThat(phrases).contains("world model");
    assertThat(phrases).doesNotContain("model", "method", "world");
  }

  @Test
  void aFillerQualifiesANounButIsNoCandidateAlone() {
    // given
    String text = "An end-to-end tide planner is state-of-the-art.";

    // when
    List<String> phrases = phrases(null, text);

    // then
    assertThat(phrases).contains("end to end tide planner", "tide planner");
    assertThat(phrases).noneMatch(p -> p.equals("end to end") || p.startsWith("state of the art"));
  }

  @Test
  void countsTheLongestPhraseAndTheMostFrequentCandidate() {
    // given "gauge" four times, once inside a three-word phrase
    NounPhraseCandidates.Text text = candidates.of(null, "Harbour tide gauge. A gauge, a gauge, a gauge.");

    // then
    assertThat(text.candidate("gauge").occurrences).isEqualTo(4);
    assertThat(text.maxOccurrences()).isEqualTo(4);
    assertThat(text.candidate("tide gauge").longestRun).isEqualTo(3);
    assertThat(text.candidate("no such phrase")).isNull();
  }

  @Test
  void numbersInsideNamesStayButNumbersAloneBreak() {
    // given version names and numbers after a name, and numbers that are counts
    String text = "Tidal Ledger 2.0 beats Brine3.5-7B tables on 42 coasts, e.g. harbour gauges.";

    // when
    List<String> phrases = phrases(null, text);

    // then
    assertThat(phrases).contains("tidal ledger 2.0", "brine3.5 7b table");
    assertThat(phrases).noneMatch(p -> p.startsWith("42") || p.contains("e.g"));
  }

  @Test
  void countsTitleCasedNamesIntroducedPhrasesAndTheTitlesNameBeforeItsColon() {
    // given an invented paper that names its method before the title's colon, introduces it with
    // a reporting verb and spells it in capitals once
    NounPhraseCandidates.Text text = candidates.of("TideLedger: Brine Gauges for Harbours",
        "We propose the Tide Ledger Protocol for harbours. The tide ledger protocol keeps brine gauges honest.");

    // then
    Candidate protocol = text.candidate("tide ledger protocol");
    assertThat(protocol.occurrences).isEqualTo(2);
    assertThat(protocol.titleCased).isEqualTo(1);
    assertThat(protocol.introduced).isTrue();
    assertThat(text.candidate("brine gauge").titleCased).isZero();
    assertThat(text.candidate("brine gauge").introduced).isFalse();
    assertThat(text.candidate("tideledger").beforeColon).isTrue();
    assertThat(text.candidate("harbour").beforeColon).isFalse();
  }

  @Test
  void countsTheMostFrequentLongerPhraseAroundACandidate() {
    // given "ledger protocol" said twice, both times inside "tide ledger protocol", and "protocol"
    // once more on its own
    NounPhraseCandidates.Text text = candidates.of(null,
        "A tide ledger protocol. Another tide ledger protocol. A protocol.");

    // then the longer phrase around each is counted; the longest has none around it
    assertThat(text.candidate("ledger protocol").containerOccurrences).isEqualTo(2);
    assertThat(text.candidate("protocol").containerOccurrences).isEqualTo(2);
    assertThat(text.candidate("protocol").occurrences).isEqualTo(3);
    assertThat(text.candidate("tide ledger protocol").containerOccurrences).isZero();
  }
}
