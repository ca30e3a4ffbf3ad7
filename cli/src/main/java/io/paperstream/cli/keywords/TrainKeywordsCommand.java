package io.paperstream.cli.keywords;

import io.paperstream.processor.enrich.BoostedTreesTrainer;
import io.paperstream.processor.enrich.KeyphraseTrainer;
import io.paperstream.processor.enrich.PosLexicon;
import io.paperstream.processor.enrich.PosLexiconBuilder;
import io.paperstream.processor.enrich.RankerModel;
import io.paperstream.processor.enrich.SeedVocabulary;
import io.paperstream.processor.enrich.eval.KeywordScores;
import io.paperstream.processor.enrich.eval.LabeledPaper;
import io.paperstream.processor.enrich.eval.LabeledPapers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train-keywords", mixinStandardHelpOptions = true,
    description = {
        "Rebuilds the keyword ranker from pages that carry their own keywords (Hugging Face's ai_keywords): "
            + "the part-of-speech lexicon (OpenNLP over the learning pages' text) and the ranker model.",
        "Learns only from days before --to's next day (default: the learning days of the labeled set, before "
            + "2025-07-31); prints the figures on its validation days, never on the measuring days.",
        "Writes pos-lexicon-v1.tsv, " + RankerModel.FILE + " and the seed vocabulary " + SeedVocabulary.FILE
            + " (the learning papers' keyphrase counts, which a fresh processor ranks with) to --out "
            + "(the sources of the jar's resources)."})
public final class TrainKeywordsCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SOURCE",
      description = "Pages with keywords of their own (files, folders or URLs), e.g. ../shared/fixtures/hf-api/labeled.")
  List<String> sources;

  @Option(names = "--to", paramLabel = "DATE",
      description = "Last learning day (default: the day before the measuring days, 2025-07-30).")
  LocalDate to = LabeledPapers.MEASURE_FROM.minusDays(1);

  @Option(names = "--validate-from", paramLabel = "DATE",
      description = "Learning days from this one on choose the thresholds (default: ${DEFAULT-VALUE}).")
  LocalDate validateFrom = LocalDate.of(2025, 7, 1);

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write the lexicon and the model (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("stream-processor/src/main/resources/io/paperstream/processor/enrich");

  @Option(names = "--model-version", paramLabel = "V",
      description = "Version recorded in the model (default: ${DEFAULT-VALUE}).")
  String version = "2";

  @Option(names = "--reuse-lexicon",
      description = "Keep the part-of-speech lexicon already in --out instead of tagging again (minutes faster).")
  boolean reuseLexicon;

  @Option(names = "--seed-min-seen", paramLabel = "N",
      description = "The seed vocabulary keeps a phrase no learning paper chose only when at least N papers offered it "
          + "as a candidate (default: ${DEFAULT-VALUE}; 1 keeps every phrase).")
  int seedMinSeen = KeyphraseTrainer.DEFAULT_SEED_MIN_SEEN;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<LabeledPaper> learning = LabeledSources.read(sources, err).between(null, to);
    if (learning.isEmpty()) {
      err.println("train-keywords: no entry with keywords of its own up to " + to);
      return 1;
    }
    String span = learning.size() + " papers, " + learning.get(0).date() + " … " + learning.get(learning.size() - 1).date();
    Path lexiconFile = out.resolve("pos-lexicon-v1.tsv");
    PosLexicon lexicon;
    if (reuseLexicon) {
      try (var in = Files.newInputStream(lexiconFile)) {
        lexicon = PosLexicon.read(in);
      }
    } else {
      err.println("train-keywords: tagging " + span + " with OpenNLP");
      PosLexiconBuilder lexiconBuilder = new PosLexiconBuilder();
      learning.forEach(p -> lexiconBuilder.add(p.title()).add(p.abstractText()));
      lexicon = lexiconBuilder.build();
    }
    err.println("train-keywords: training the ranker");
    KeyphraseTrainer trainer = new KeyphraseTrainer(lexicon, validateFrom, BoostedTreesTrainer.Settings.DEFAULT,
        seedMinSeen);
    RankerModel model = trainer.train(learning, version);
    SeedVocabulary seed = trainer.seed(learning);
    Files.createDirectories(out);
    if (!reuseLexicon) {
      try (Writer w = Files.newBufferedWriter(lexiconFile, StandardCharsets.UTF_8)) {
        PosLexiconBuilder.write(lexicon, w, "most frequent OpenNLP (UD EWT) tag per word over " + span
            + "; written by papers train-keywords");
      }
    }
    try (Writer w = Files.newBufferedWriter(out.resolve(RankerModel.FILE), StandardCharsets.UTF_8)) {
      model.write(w, "keyphrase ranker trained on " + span + " (thresholds chosen on days from " + validateFrom
          + "); written by papers train-keywords");
    }
    Path seedFile = out.resolve(SeedVocabulary.FILE);
    try (OutputStream o = Files.newOutputStream(seedFile)) {
      seed.write(o, "keyphrase counts (papers that chose / offered each canonical phrase) over " + span
          + ", phrases no paper chose kept when offered by at least " + seedMinSeen + "; written by papers train-keywords");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "learning papers: %s; lexicon: %d words%n", span, lexicon.entries().size());
    KeyphraseTrainer.Validation validation = trainer.validation();
    report(stdout, "validation, with vocabulary", validation.plainWith());
    report(stdout, "validation, without vocabulary", validation.plainWithout());
    report(stdout, "validation, with summary, with vocabulary", validation.summarizedWith());
    report(stdout, "validation, with summary, without vocabulary", validation.summarizedWithout());
    stdout.printf(Locale.ROOT, "seed vocabulary: %d papers, %d phrases, %d bytes%n", seed.papers(), seed.phrases(),
        Files.size(seedFile));
    stdout.println("wrote " + out.resolve("pos-lexicon-v1.tsv") + ", " + out.resolve(RankerModel.FILE) + " and "
        + seedFile);
    stdout.flush();
    return 0;
  }

  private static void report(PrintWriter out, String what, KeyphraseTrainer.Choice choice) {
    KeywordScores s = choice.scores();
    out.printf(Locale.ROOT, "%-44s threshold %.2f: recall %.3f precision %.3f F1 %.3f, %.1f keywords/paper%n",
        what, choice.threshold(), s.recall(), s.precision(), s.f1(), s.keywordsPerPaper());
  }
}
