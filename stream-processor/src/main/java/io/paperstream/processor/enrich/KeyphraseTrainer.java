package io.paperstream.processor.enrich;

import io.paperstream.processor.enrich.BoostedTreesTrainer.Example;
import io.paperstream.processor.enrich.eval.KeyphraseMatch;
import io.paperstream.processor.enrich.eval.KeywordScores;
import io.paperstream.processor.enrich.eval.LabeledPaper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trains the {@link RankerModel} from labeled papers (pages that carry their own keywords).
 *
 * <ol>
 *   <li>Every candidate of a paper is an example, positive when it matches one of the paper's
 *       own keywords by the evaluation's rule ({@link KeyphraseMatch}).
 *   <li>Two classifiers of gradient-boosted trees ({@link BoostedTreesTrainer}): one with the vocabulary features,
 *       the vocabulary counted over the learning papers of the other folds (a paper never
 *       sees its own keywords), one without.
 *   <li>Each model's threshold is the one with the best micro F1 on the later part of the
 *       learning papers (from {@link #validateFrom}), the models trained on the earlier part
 *       and the vocabulary built from it; then both are trained again on all learning papers.
 * </ol>
 *
 * Deterministic: the same papers give the same model. Not thread-safe.
 */
public final class KeyphraseTrainer {

  /** Vocabulary papers needed before the ranker trusts vocabulary features. */
  static final long MIN_VOCABULARY_PAPERS = 50;
  /** Folds of the learning papers for their vocabulary features: see {@link #examples}. */
  static final int FOLDS = 5;
  /**
   * Papers that must offer a phrase no paper chose before the seed vocabulary keeps it (1 keeps
   * every phrase; see {@link #seed}). 2 drops 38,000 of 54,000 phrases, the seed from 287 to 96 KB,
   * at no cost on the July validation (F1 with vocabulary 0.456 keeping all, 0.457 with 2 or 3).
   */
  public static final int DEFAULT_SEED_MIN_SEEN = 2;

  private final BoostedTreesTrainer.Settings settings;
  private final KeywordCanonicalizer canonicalizer = new KeywordCanonicalizer();
  private final NounPhraseCandidates candidates;
  private final LocalDate validateFrom;
  private final int seedMinSeen;
  private Validation validation;

  /** A threshold and the validation scores it gave. */
  public record Choice(double threshold, KeywordScores scores) {}

  /**
   * The thresholds chosen, with and without vocabulary, for each branch of the model: on the
   * validation papers with their summaries hidden (as a text page or an older listing gives
   * them), and on those with a summary of their page's own.
   */
  public record Validation(Choice plainWith, Choice plainWithout, Choice summarizedWith, Choice summarizedWithout) {}

  /**
   * @param lexicon the part-of-speech lexicon the model is trained with (and must be used with)
   * @param validateFrom the first day of the learning papers used to choose the thresholds
   */
  public KeyphraseTrainer(PosLexicon lexicon, LocalDate validateFrom) {
    this(lexicon, validateFrom, BoostedTreesTrainer.Settings.DEFAULT);
  }

  /** With other boosting settings (tests, tuning on the validation days). */
  public KeyphraseTrainer(PosLexicon lexicon, LocalDate validateFrom, BoostedTreesTrainer.Settings settings) {
    this(lexicon, validateFrom, settings, DEFAULT_SEED_MIN_SEEN);
  }

  /**
   * @param seedMinSeen how many papers must offer a phrase none chose for the seed vocabulary to
   *     keep it; the validation with vocabulary uses the vocabulary so pruned, as it ships
   */
  public KeyphraseTrainer(PosLexicon lexicon, LocalDate validateFrom, BoostedTreesTrainer.Settings settings,
      int seedMinSeen) {
    this.seedMinSeen = seedMinSeen;
    this.settings = settings;
    this.candidates = new NounPhraseCandidates(canonicalizer, lexicon);
    this.validateFrom = validateFrom;
  }

  /** The shipped lexicon. */
  public KeyphraseTrainer(LocalDate validateFrom) {
    this(PosLexicon.shipped(), validateFrom);
  }

  /**
   * Chooses the thresholds: trains on the learning papers before {@link #validateFrom}, and
   * keeps, with and without the vocabulary those papers teach, the threshold of best micro F1 on
   * the papers from it on, for each branch of the model (read them with {@link #validation()}).
   * With no papers on one side of that date, all papers are both fitted and validated on.
   */
  public void validate(List<LabeledPaper> learning) {
    List<LabeledPaper> fit = learning.stream().filter(p -> p.date().isBefore(validateFrom)).toList();
    List<LabeledPaper> validate = learning.stream().filter(p -> !p.date().isBefore(validateFrom)).toList();
    if (fit.isEmpty() || validate.isEmpty()) {
      fit = learning;
      validate = learning;
    }
    RankerModel fitted = new RankerModel("validation", branch(withoutSummaries(fit)), branch(fit), 0);
    KeyphraseVocabulary fitVocabulary = seed(fit);
    List<LabeledPaper> plain = withoutSummaries(validate);
    List<LabeledPaper> summarized = validate.stream().filter(p -> p.summary() != null).toList();
    validation = new Validation(bestThreshold(plain, fitted, fitVocabulary),
        bestThreshold(plain, fitted, KeyphraseVocabulary.EMPTY),
        bestThreshold(summarized, fitted, fitVocabulary),
        bestThreshold(summarized, fitted, KeyphraseVocabulary.EMPTY));
  }

  /**
   * {@link #validate}, then every classifier trained again on all learning papers: the plain
   * branch's with every summary hidden, the summarized branch's on the papers as they are.
   */
  public RankerModel train(List<LabeledPaper> learning, String version) {
    validate(learning);
    return new RankerModel(version,
        branch(withoutSummaries(learning)).withThresholds(validation.plainWith().threshold(),
            validation.plainWithout().threshold()),
        branch(learning).withThresholds(validation.summarizedWith().threshold(),
            validation.summarizedWithout().threshold()),
        MIN_VOCABULARY_PAPERS);
  }

  private RankerModel.Branch branch(List<LabeledPaper> papers) {
    return new RankerModel.Branch(BoostedTreesTrainer.train(examples(papers, true), settings),
        BoostedTreesTrainer.train(examples(papers, false), settings), 0, 0);
  }

  private static List<LabeledPaper> withoutSummaries(List<LabeledPaper> papers) {
    return papers.stream().map(LabeledPaper::withoutSummary).toList();
  }

  /** The thresholds chosen and their validation scores (after {@link #validate} or {@link #train}). */
  public Validation validation() {
    return validation;
  }

  /** The vocabulary the given papers' own keywords teach. */
  public KeyphraseVocabulary vocabulary(List<LabeledPaper> papers) {
    return counted(papers).build();
  }

  /**
   * The seed vocabulary the given papers teach, as the jar ships it: their vocabulary without the
   * phrases no paper chose that fewer than the trainer's {@code seedMinSeen} papers offered.
   */
  public SeedVocabulary seed(List<LabeledPaper> papers) {
    LocalDate first = papers.stream().map(LabeledPaper::date).min(LocalDate::compareTo).orElse(validateFrom);
    LocalDate last = papers.stream().map(LabeledPaper::date).max(LocalDate::compareTo).orElse(validateFrom);
    return counted(papers).seed(first, last, seedMinSeen);
  }

  private VocabularyBuilder counted(List<LabeledPaper> papers) {
    VocabularyBuilder builder = new VocabularyBuilder(canonicalizer);
    for (LabeledPaper p : papers) {
      Set<String> seen = new HashSet<>();
      candidates.of(p.title(), p.abstractText()).candidates().forEach(c -> seen.add(c.phrase));
      builder.add(p.keywords(), seen);
    }
    return builder;
  }

  /**
   * One example per candidate of every paper. With the vocabulary, a paper's features come from
   * the vocabulary of the papers outside its fold ({@link #FOLDS} folds, every k-th paper): as
   * at run time, a paper never sees its own keywords, and its candidates, chosen or not, see
   * the same counts. (Leaving out just the paper itself would lower the count of exactly the
   * phrases it chose, a difference trees learn to read as the answer.)
   */
  private List<Example> examples(List<LabeledPaper> papers, boolean withVocabulary) {
    List<KeyphraseVocabulary> outOfFold = new ArrayList<>();
    for (int fold = 0; fold < FOLDS && withVocabulary; fold++) {
      int k = fold;
      outOfFold.add(vocabulary(IntStream.range(0, papers.size()).filter(i -> i % FOLDS != k)
          .mapToObj(papers::get).toList()));
    }
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      LabeledPaper paper = papers.get(i);
      Set<String> gold = KeywordScores.keys(paper.keywords());
      KeyphraseVocabulary others = withVocabulary ? outOfFold.get(i % FOLDS) : null;
      NounPhraseCandidates.Text text = candidates.of(paper.title(), paper.abstractText(), paper.summary());
      for (Candidate candidate : text.candidates()) {
        examples.add(new Example(CandidateFeatures.of(candidate, text, others),
            gold.contains(KeyphraseMatch.key(candidate.phrase))));
      }
    }
    return examples;
  }

  private Choice bestThreshold(List<LabeledPaper> papers, RankerModel model, KeyphraseVocabulary vocabulary) {
    // the ranker takes each paper's branch; here every threshold is tried on the scores
    RankerModel scoring = new RankerModel(model.version(), model.plain(), model.summarized(),
        vocabulary.papers() > 0 ? 1 : Long.MAX_VALUE);
    KeyphraseRanker ranker = new KeyphraseRanker(scoring);
    List<List<KeyphraseRanker.Scored>> scored = papers.stream()
        .map(paper -> ranker.scored(candidates.of(paper.title(), paper.abstractText(), paper.summary()), vocabulary))
        .toList();
    Choice best = null;
    for (int step = 5; step <= 80; step++) {
      double threshold = step / 100.0;
      KeywordScores scores = new KeywordScores();
      for (int i = 0; i < papers.size(); i++) {
        scores.add(KeyphraseRanker.select(scored.get(i), threshold, KeywordExtractor.DEFAULT_MAX_KEYWORDS),
            papers.get(i).keywords());
      }
      if (best == null || scores.f1() > best.scores().f1()) {
        best = new Choice(threshold, scores);
      }
    }
    return best;
  }
}
