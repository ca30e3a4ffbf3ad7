package io.paperstream.cli.keywords;

import io.paperstream.processor.enrich.KeyphraseVocabulary;
import io.paperstream.processor.enrich.KeywordCanonicalizer;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.enrich.SeedVocabulary;
import io.paperstream.processor.enrich.SeededVocabulary;
import io.paperstream.processor.enrich.VocabularyBuilder;
import io.paperstream.processor.enrich.eval.KeywordEvaluation;
import io.paperstream.processor.enrich.eval.LabeledPaper;
import io.paperstream.processor.enrich.eval.LabeledPapers;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval-keywords", mixinStandardHelpOptions = true,
    description = {
        "Measures keyword extraction against the keywords pages supply themselves (Hugging Face's ai_keywords).",
        "Runs the extractor over every entry of SOURCE that carries keywords of its own, hiding them from it "
            + "(the page's own summary, ai_summary, stays: it is input, as in the processor), and prints "
            + "micro-averaged recall, precision and F1 (matching rule in BENCHMARKS.md), keywords "
            + "per paper and the time per paper (wall-clock median and p99, and the thread's CPU time per paper).",
        "Default range: the measuring days of the labeled set, from 2025-07-31 on. The vocabulary variant learns "
            + "its keyphrase vocabulary from the entries of SOURCE before --from, as the processor learns it from the stream; "
            + "the seed variant ranks with the seed vocabulary shipped in the jar, as a fresh processor does (left out, "
            + "with a note, when the measured days overlap the days the seed learned from)."})
public final class EvalKeywordsCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SOURCE",
      description = "Pages with keywords of their own (files, folders or URLs), e.g. ../shared/fixtures/hf-api/labeled.")
  List<String> sources;

  @Option(names = "--from", paramLabel = "DATE", description = "First day measured (default: ${DEFAULT-VALUE}).")
  LocalDate from = LabeledPapers.MEASURE_FROM;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day measured (default: the last day in SOURCE).")
  LocalDate to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LabeledPapers labeled = LabeledSources.read(sources, err);
    List<LabeledPaper> measured = labeled.between(from, to);
    if (measured.isEmpty()) {
      err.println("eval-keywords: no entry with keywords of its own between " + from + " and "
          + (to == null ? "the end" : to));
      return 1;
    }
    KeywordExtractor extractor = new KeywordExtractor();
    List<LabeledPaper> before = labeled.between(null, from.minusDays(1));
    VocabularyBuilder vocabularyBuilder = new VocabularyBuilder(new KeywordCanonicalizer());
    before.forEach(p -> vocabularyBuilder.add(p.keywords(), extractor.candidatePhrases(p.title(), p.abstractText())));
    KeyphraseVocabulary vocabulary = vocabularyBuilder.build();
    List<KeywordEvaluation.Row> rows = new ArrayList<>();
    rows.add(new KeywordEvaluation.Row("learned, no vocabulary",
        paper -> extractor.extract(paper.title(), paper.abstractText(), paper.summary(), KeyphraseVocabulary.EMPTY)));
    rows.add(new KeywordEvaluation.Row("learned, vocabulary of " + vocabulary.papers() + " earlier papers",
        paper -> extractor.extract(paper.title(), paper.abstractText(), paper.summary(), vocabulary)));
    SeedVocabulary seed = SeedVocabulary.shipped();
    LocalDate firstMeasured = measured.get(0).date();
    LocalDate lastMeasured = measured.get(measured.size() - 1).date();
    if (firstMeasured.isAfter(seed.lastDay()) || lastMeasured.isBefore(seed.firstDay())) {
      // what a fresh processor ranks with: the seed, nothing learned from the stream yet
      KeyphraseVocabulary fresh = new SeededVocabulary(seed, KeyphraseVocabulary.EMPTY);
      rows.add(new KeywordEvaluation.Row("learned, shipped seed (" + seed.papers() + " papers)",
          paper -> extractor.extract(paper.title(), paper.abstractText(), paper.summary(), fresh)));
    } else {
      err.println("note: no row for the shipped seed vocabulary: it learned from " + seed.firstDay() + " … "
          + seed.lastDay() + ", which overlaps the measured days (in sample)");
    }
    List<KeywordEvaluation.Result> results = KeywordEvaluation.run(rows, measured);
    out.printf(Locale.ROOT, "papers measured: %d, %s … %s%n", measured.size(), measured.get(0).date(),
        measured.get(measured.size() - 1).date());
    out.printf(Locale.ROOT, "%-40s %7s %9s %6s %9s %9s %9s %9s%n", "extractor", "recall", "precision", "F1",
        "kw/paper", "median ms", "p99 ms", "CPU ms");
    for (KeywordEvaluation.Result r : results) {
      out.printf(Locale.ROOT, "%-40s %7.3f %9.3f %6.3f %9.1f %9.3f %9.3f %9.3f%n", r.name(), r.scores().recall(),
          r.scores().precision(), r.scores().f1(), r.scores().keywordsPerPaper(), r.medianMillis(), r.p99Millis(),
          r.cpuMillis());
    }
    out.flush();
    return 0;
  }
}
