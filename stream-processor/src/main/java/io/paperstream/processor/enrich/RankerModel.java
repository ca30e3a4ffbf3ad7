package io.paperstream.processor.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The trained keyphrase ranker: classifiers of gradient-boosted trees over {@link
 * CandidateFeatures}, one for when a keyphrase vocabulary is known and one for when none is, and
 * the probability a candidate needs to become a keyword; one such {@link Branch} for papers whose
 * page gives its own one-sentence summary (Hugging Face's {@code ai_summary}) and one, trained
 * with the summaries hidden, for papers without. Stored as a versioned properties resource;
 * {@code papers train-keywords} writes a new one.
 *
 * @param version the model's version, stored with it
 * @param plain the branch for papers without a summary
 * @param summarized the branch for papers with one
 * @param minVocabularyPapers papers a vocabulary needs before its features are used
 */
public record RankerModel(String version, Branch plain, Branch summarized, long minVocabularyPapers) {

  /**
   * Trees and thresholds for one kind of page.
   *
   * @param withVocabulary trees used when the vocabulary has at least {@code minVocabularyPapers}
   * @param withoutVocabulary trees used otherwise (vocabulary features zero)
   * @param thresholdWith the probability at which a candidate becomes a keyword, with vocabulary
   * @param thresholdWithout the same without vocabulary
   */
  public record Branch(BoostedTrees withVocabulary, BoostedTrees withoutVocabulary, double thresholdWith,
      double thresholdWithout) {

    BoostedTrees trees(boolean vocabulary) {
      return vocabulary ? withVocabulary : withoutVocabulary;
    }

    double threshold(boolean vocabulary) {
      return vocabulary ? thresholdWith : thresholdWithout;
    }

    /** The same trees with other thresholds. */
    public Branch withThresholds(double with, double without) {
      return new Branch(withVocabulary, withoutVocabulary, with, without);
    }
  }

  /** The model's file name, in the jar and where {@code papers train-keywords} writes it. */
  public static final String FILE = "keyphrase-ranker-v2.properties";

  /** The model in the jar. */
  static final String RESOURCE = "/io/paperstream/processor/enrich/" + FILE;

  private static final String WITH = "with-vocabulary";
  private static final String WITHOUT = "without-vocabulary";
  /** Key prefix of the summarized branch; the plain branch's keys have none. */
  private static final String SUMMARY = "summary.";

  /** The branch for a paper with ({@code summary}) or without its page's own summary. */
  Branch branch(boolean summary) {
    return summary ? summarized : plain;
  }

  /** The model in the jar, read once per process (it is immutable: every extractor shares it). */
  public static RankerModel shipped() {
    return Shipped.MODEL;
  }

  /** Loaded on first use (the holder idiom: no lock after the first read). */
  private static final class Shipped {
    static final RankerModel MODEL =
        JarResource.read(RankerModel.class, RESOURCE, "the keyphrase ranker model", RankerModel::read);
  }

  public static RankerModel read(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    List<String> features = List.of(p.getProperty("features", "").split(","));
    if (!features.equals(CandidateFeatures.NAMES)) {
      throw new IllegalStateException("the keyphrase ranker model was trained on features " + features
          + ", this code computes " + CandidateFeatures.NAMES + ": run papers train-keywords");
    }
    return new RankerModel(p.getProperty("version"), branch(p, ""), branch(p, SUMMARY),
        Long.parseLong(p.getProperty("min-vocabulary-papers")));
  }

  public void write(Writer out, String comment) throws IOException {
    out.write("# " + comment + "\n");
    out.write("version=" + version + "\n");
    out.write("features=" + String.join(",", CandidateFeatures.NAMES) + "\n");
    out.write("min-vocabulary-papers=" + minVocabularyPapers + "\n");
    writeBranch(out, "", plain);
    writeBranch(out, SUMMARY, summarized);
  }

  private static void writeBranch(Writer out, String prefix, Branch branch) throws IOException {
    out.write(prefix + "threshold." + WITH + "=" + branch.thresholdWith() + "\n");
    out.write(prefix + "threshold." + WITHOUT + "=" + branch.thresholdWithout() + "\n");
    writeTrees(out, prefix + WITH, branch.withVocabulary());
    writeTrees(out, prefix + WITHOUT, branch.withoutVocabulary());
  }

  private static Branch branch(Properties p, String prefix) {
    return new Branch(trees(p, prefix + WITH), trees(p, prefix + WITHOUT), threshold(p, prefix + "threshold." + WITH),
        threshold(p, prefix + "threshold." + WITHOUT));
  }

  /** {@code <name>.base} and {@code <name>.tree.<i>} for i from 0: see {@link BoostedTrees#write}. */
  private static void writeTrees(Writer out, String name, BoostedTrees trees) throws IOException {
    List<String> lines = trees.write();
    out.write(name + ".base=" + lines.get(0) + "\n");
    for (int i = 1; i < lines.size(); i++) {
      out.write(name + ".tree." + (i - 1) + "=" + lines.get(i) + "\n");
    }
  }

  private static double threshold(Properties p, String name) {
    String value = p.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("the keyphrase ranker model has no " + name + ": run papers train-keywords");
    }
    return Double.parseDouble(value);
  }

  private static BoostedTrees trees(Properties p, String name) {
    String base = p.getProperty(name + ".base");
    if (base == null) {
      throw new IllegalStateException("the keyphrase ranker model has no " + name + ".base");
    }
    List<String> lines = new ArrayList<>();
    lines.add(base);
    for (int i = 0; p.getProperty(name + ".tree." + i) != null; i++) {
      lines.add(p.getProperty(name + ".tree." + i));
    }
    return BoostedTrees.read(lines, CandidateFeatures.NAMES.size());
  }
}
