package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.LogisticRegression.Example;
import io.paperstream.processor.enrich.eval.KeyphraseMatch;
import io.paperstream.processor.enrich.eval.KeywordScores;
import io.paperstream.processor.enrich.eval.LabeledPaper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Trains the {@link RankerModel} from labeled papers (pages that carry their own keywords).
 *
 * <ol>
 *   <li>Every candidate of a paper is an example, positive when it matches one of the paper's
 *       own keywords by the evaluation's rule ({@link KeyphraseMatch}).
 *   <li>Two logistic regressions ({@link LogisticRegression}): one with the vocabulary features,
 *       the vocabulary counted over the other learning papers (leave-one-out: a paper never
 *       sees its own keywords), one without.
 *   <li>Each model's threshold is the one with the best micro F1 on the later part of the
 *       learning papers (from {@link #validateFrom}), the models trained on the earlier part
 *       and the vocabulary built from it; then both are trained again on all learning papers.
 * </ol>
 *
 * Deterministic: the same papers give the same model. Not thread-safe.
 */
public final class KeyphraseTrainer {

  /** L2 penalty: keeps rare features (e.g. a tag seen a few times) from getting extreme weights. */
  static final double L2 = 1.0;
  /** Vocabulary papers needed before the ranker trusts vocabulary features. */
  static final long MIN_VOCABULARY_PAPERS = 50;

  private final KeywordCanonicalizer canonicalizer = new KeywordCanonicalizer();
  private final NounPhraseCandidates candidates;
  private final LocalDate validateFrom;
  private Choice validationWith;
  private Choice validationWithout;

  /** A threshold and the validation scores it gave. */
  public record Choice(double threshold, KeywordScores scores) {}

  /**
   * @param lexicon the part-of-speech lexicon the model is trained with (and must be used with)
   * @param validateFrom the first day of the learning papers used to choose the thresholds
   */
  public KeyphraseTrainer(PosLexicon lexicon, LocalDate validateFrom) {
    this.candidates = new NounPhraseCandidates(canonicalizer, lexicon);
    this.validateFrom = validateFrom;
  }

  /** The shipped lexicon. */
  public KeyphraseTrainer(LocalDate validateFrom) {
    this(PosLexicon.shipped(), validateFrom);
  }

  public RankerModel train(List<LabeledPaper> learning, String version) {
    List<LabeledPaper> fit = learning.stream().filter(p -> p.date().isBefore(validateFrom)).toList();
    List<LabeledPaper> validate = learning.stream().filter(p -> !p.date().isBefore(validateFrom)).toList();
    if (fit.isEmpty() || validate.isEmpty()) {
      fit = learning;
      validate = learning;
    }
    double[] withVocabulary = LogisticRegression.train(examples(fit, true), L2);
    double[] withoutVocabulary = LogisticRegression.train(examples(fit, false), L2);
    KeyphraseVocabulary fitVocabulary = vocabulary(fit);
    RankerModel fitted = new RankerModel(version, withVocabulary, withoutVocabulary, 0, 0, 0);
    validationWith = bestThreshold(validate, fitted, fitVocabulary);
    validationWithout = bestThreshold(validate, fitted, KeyphraseVocabulary.EMPTY);
    return new RankerModel(version, LogisticRegression.train(examples(learning, true), L2),
        LogisticRegression.train(examples(learning, false), L2), validationWith.threshold(),
        validationWithout.threshold(), MIN_VOCABULARY_PAPERS);
  }

  /** The threshold chosen with vocabulary and its validation scores (after {@link #train}). */
  public Choice validationWith() {
    return validationWith;
  }

  /** The threshold chosen without vocabulary and its validation scores (after {@link #train}). */
  public Choice validationWithout() {
    return validationWithout;
  }

  /** The vocabulary the given papers' own keywords teach. */
  public KeyphraseVocabulary vocabulary(List<LabeledPaper> papers) {
    VocabularyBuilder builder = new VocabularyBuilder(canonicalizer);
    for (LabeledPaper p : papers) {
      Set<String> seen = new HashSet<>();
      candidates.of(p.title(), p.abstractText()).candidates().forEach(c -> seen.add(c.phrase));
      builder.add(p.keywords(), seen);
    }
    return builder.build();
  }

  private List<Example> examples(List<LabeledPaper> papers, boolean withVocabulary) {
    KeyphraseVocabulary all = withVocabulary ? vocabulary(papers) : KeyphraseVocabulary.EMPTY;
    List<Example> examples = new ArrayList<>();
    for (LabeledPaper paper : papers) {
      Set<String> gold = KeywordScores.keys(paper.keywords());
      KeyphraseVocabulary others = withVocabulary
          ? leaveOneOut(all, VocabularyBuilder.phrasesOf(canonicalizer, paper.keywords()))
          : KeyphraseVocabulary.EMPTY;
      NounPhraseCandidates.Text text = candidates.of(paper.title(), paper.abstractText());
      for (Candidate candidate : text.candidates()) {
        examples.add(new Example(CandidateFeatures.of(candidate, text.words(), others),
            gold.contains(KeyphraseMatch.key(candidate.phrase))));
      }
    }
    return examples;
  }

  private Choice bestThreshold(List<LabeledPaper> papers, RankerModel model, KeyphraseVocabulary vocabulary) {
    List<NounPhraseCandidates.Text> texts = papers.stream()
        .map(paper -> candidates.of(paper.title(), paper.abstractText())).toList();
    Choice best = null;
    for (int step = 5; step <= 80; step++) {
      double threshold = step / 100.0;
      RankerModel candidate = new RankerModel(model.version(), model.withVocabulary(), model.withoutVocabulary(),
          threshold, threshold, vocabulary.papers() > 0 ? 1 : Long.MAX_VALUE);
      KeyphraseRanker ranker = new KeyphraseRanker(candidate);
      KeywordScores scores = new KeywordScores();
      for (int i = 0; i < papers.size(); i++) {
        scores.add(ranker.rank(texts.get(i), vocabulary, KeywordExtractor.DEFAULT_MAX_KEYWORDS),
            papers.get(i).keywords());
      }
      if (best == null || scores.f1() > best.scores().f1()) {
        best = new Choice(threshold, scores);
      }
    }
    return best;
  }

  private static KeyphraseVocabulary leaveOneOut(KeyphraseVocabulary all, Set<String> own) {
    return new KeyphraseVocabulary() {
      @Override
      public long papers() {
        return all.papers() - 1;
      }

      @Override
      public long papersWith(String phrase) {
        return all.papersWith(phrase) - (own.contains(phrase) ? 1 : 0);
      }

      @Override
      public long papersSeen(String phrase) {
        return Math.max(0, all.papersSeen(phrase) - 1); // every phrase asked about is one of the paper's candidates
      }
    };
  }
}
