package io.paperstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.processor.enrich.eval.LabeledPaper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyphraseTrainerTest {

  /** The invented phrases both labeled sets are made of. */
  private static final String[] THINGS = {"brine ledger", "kelp bed", "tide gauge", "reef map", "storm surge",
      "coral sensor", "harbour wall", "sand bar", "salt marsh", "wave buoy"};
  /** Few small trees: enough for a planted pattern, quick to train. */
  private static final BoostedTreesTrainer.Settings TINY = new BoostedTreesTrainer.Settings(40, 3, 0.3, 1.0, 0.5, 16,
      1.0);

  @Test
  void theTrainerLearnsThatTitlePhrasesAreTheKeywords() {
    // given a tiny invented labeled set whose keyword is always the title's phrase, never the abstract's
    List<LabeledPaper> papers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String keyword = THINGS[i % THINGS.length];
      String other = THINGS[(i + 3) % THINGS.length];
      String third = THINGS[(i + 6) % THINGS.length];
      papers.add(new LabeledPaper("p" + i, LocalDate.of(2025, 1, 1).plusDays(i), capitalized(keyword),
          "Notes on " + other + " and " + third + ", with a " + other + " survey.", null, List.of(keyword)));
    }

    // when
    KeyphraseTrainer trainer = new KeyphraseTrainer(PosLexicon.shipped(), LocalDate.of(2025, 1, 31), TINY);
    RankerModel model = trainer.train(papers, "test");

    // then the model puts the title phrase first for a new paper
    KeywordExtractor extractor = new KeywordExtractor(15, model, PosLexicon.shipped());
    List<String> keywords = extractor.extract("Dune Grass", "Notes on kelp bed and reef map, with a kelp bed survey.",
        KeyphraseVocabulary.EMPTY);
    assertThat(keywords.get(0)).isEqualTo("dune grass");
    assertThat(trainer.validation().plainWithout().scores().recall()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void theTrainerLearnsThatThePhraseTheSummaryNamesIsTheKeyword() {
    // given a tiny invented labeled set: two phrases in each abstract, said alike; the keyword is
    // always the one the page's summary names, and the title names neither
    List<LabeledPaper> papers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String one = THINGS[i % THINGS.length];
      String other = THINGS[(i + 3) % THINGS.length];
      boolean first = i % 2 == 0;
      String keyword = first ? one : other;
      papers.add(new LabeledPaper("p" + i, LocalDate.of(2025, 1, 1).plusDays(i), "Field Notes " + i,
          "Notes on a " + one + " and a " + other + ".", "A study of the " + keyword + " in winter.",
          List.of(keyword)));
    }

    // when
    KeyphraseTrainer trainer = new KeyphraseTrainer(PosLexicon.shipped(), LocalDate.of(2025, 2, 20), TINY);
    RankerModel model = trainer.train(papers, "test");

    // then, for a new paper, the phrase its summary names comes first, whichever place it has in the abstract
    KeywordExtractor extractor = new KeywordExtractor(15, model, PosLexicon.shipped());
    String abstractText = "Notes on a dune grass and a mud flat.";
    assertThat(extractor.extract("Field Notes", abstractText, "A study of the mud flat.", KeyphraseVocabulary.EMPTY)
        .get(0)).isEqualTo("mud flat");
    assertThat(extractor.extract("Field Notes", abstractText, "A study of the dune grass.", KeyphraseVocabulary.EMPTY)
        .get(0)).isEqualTo("dune grass");
  }

  private static String capitalized(String phrase) {
    StringBuilder out = new StringBuilder();
    for (String word : phrase.split(" ")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1)).append(' ');
    }
    return out.toString().strip();
  }
}
