package io.paperstream.processor.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The trained keyphrase ranker: two classifiers of gradient-boosted trees over
 * {@link CandidateFeatures} (one for when a keyphrase vocabulary is known, one for when none is),
 * and the probability a candidate needs to become a keyword. Stored as a versioned properties
 * resource; {@code papers train-keywords} writes a new one.
 *
 * @param version the model's version, stored with it
 * @param withVocabulary trees used when the vocabulary has at least {@code minVocabularyPapers}
 * @param withoutVocabulary trees used otherwise (vocabulary features zero)
 * @param thresholdWith the probability at which a candidate becomes a keyword, with vocabulary
 * @param thresholdWithout the same without vocabulary
 * @param minVocabularyPapers papers a vocabulary needs before its features are used
 */
public record RankerModel(String version, BoostedTrees withVocabulary, BoostedTrees withoutVocabulary,
    double thresholdWith, double thresholdWithout, long minVocabularyPapers) {

  /** The model's file name, in the jar and where {@code papers train-keywords} writes it. */
  public static final String FILE = "keyphrase-ranker-v2.properties";

  /** The model in the jar. */
  static final String RESOURCE = "/io/paperstream/processor/enrich/" + FILE;

  private static final String WITH = "with-vocabulary";
  private static final String WITHOUT = "without-vocabulary";

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
    return new RankerModel(p.getProperty("version"), trees(p, WITH), trees(p, WITHOUT), Double.parseDouble(p.getProperty("threshold.with-vocabulary")),
        Double.parseDouble(p.getProperty("threshold.without-vocabulary")),
        Long.parseLong(p.getProperty("min-vocabulary-papers")));
  }

  public void write(Writer out, String comment) throws IOException {
    out.write("# " + comment + "\n");
    out.write("version=" + version + "\n");
    out.write("features=" + String.join(",", CandidateFeatures.NAMES) + "\n");
    out.write("threshold.with-vocabulary=" + thresholdWith + "\n");
    out.write("threshold.without-vocabulary=" + thresholdWithout + "\n");
    out.write("min-vocabulary-papers=" + minVocabularyPapers + "\n");
    writeTrees(out, WITH, withVocabulary);
    writeTrees(out, WITHOUT, withoutVocabulary);
  }

  /** {@code <name>.base} and {@code <name>.tree.<i>} for i from 0: see {@link BoostedTrees#write}. */
  private static void writeTrees(Writer out, String name, BoostedTrees trees) throws IOException {
    List<String> lines = trees.write();
    out.write(name + ".base=" + lines.get(0) + "\n");
    for (int i = 1; i < lines.size(); i++) {
      out.write(name + ".tree." + (i - 1) + "=" + lines.get(i) + "\n");
    }
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
