package io.paperstream.processor.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The trained keyphrase ranker: two logistic-regression weight vectors over
 * {@link CandidateFeatures} (one for when a keyphrase vocabulary is known, one for when none is),
 * and the probability a candidate needs to become a keyword. Stored as a versioned properties
 * resource; {@code papers train-keywords} writes a new one.
 *
 * @param version the model's version, stored with it
 * @param withVocabulary weights used when the vocabulary has at least {@code minVocabularyPapers}
 * @param withoutVocabulary weights used otherwise (vocabulary features zero)
 * @param thresholdWith the probability at which a candidate becomes a keyword, with vocabulary
 * @param thresholdWithout the same without vocabulary
 * @param minVocabularyPapers papers a vocabulary needs before its features are used
 */
public record RankerModel(String version, double[] withVocabulary, double[] withoutVocabulary, double thresholdWith,
    double thresholdWithout,
    long minVocabularyPapers) {

  /** The model in the jar. */
  static final String RESOURCE = "/io/paperstream/processor/enrich/keyphrase-ranker-v1.properties";

  public RankerModel {
    if (withVocabulary.length != CandidateFeatures.NAMES.size()
        || withoutVocabulary.length != CandidateFeatures.NAMES.size()) {
      throw new IllegalArgumentException("a ranker model needs " + CandidateFeatures.NAMES.size() + " weights");
    }
  }

  public static RankerModel shipped() {
    try (InputStream in = RankerModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the keyphrase ranker model " + RESOURCE + " is not on the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the keyphrase ranker model " + RESOURCE, e);
    }
  }

  public static RankerModel read(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    List<String> features = List.of(p.getProperty("features", "").split(","));
    if (!features.equals(CandidateFeatures.NAMES)) {
      throw new IllegalStateException("the keyphrase ranker model was trained on features " + features
          + ", this code computes " + CandidateFeatures.NAMES + ": run papers train-keywords");
    }
    return new RankerModel(p.getProperty("version"), weights(p, "weights.with-vocabulary"),
        weights(p, "weights.without-vocabulary"), Double.parseDouble(p.getProperty("threshold.with-vocabulary")),
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
    out.write("weights.with-vocabulary=" + join(withVocabulary) + "\n");
    out.write("weights.without-vocabulary=" + join(withoutVocabulary) + "\n");
  }

  private static double[] weights(Properties p, String key) {
    return Arrays.stream(p.getProperty(key).split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static String join(double[] weights) {
    return Arrays.stream(weights).mapToObj(w -> String.format(Locale.ROOT, "%.6f", w)).collect(Collectors.joining(","));
  }
}
