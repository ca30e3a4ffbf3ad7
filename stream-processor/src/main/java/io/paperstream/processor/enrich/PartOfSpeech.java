package io.paperstream.processor.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Part-of-speech tags (Universal Dependencies: NOUN, PROPN, ADJ, VERB, ...) from Apache
 * OpenNLP's English model trained on the UD English Web Treebank. The model is read once from
 * the {@code opennlp-models-pos-en} jar on the classpath: no network.
 *
 * <p>Thread-safe: the model is shared, each thread gets its own tagger (OpenNLP's taggers keep
 * state between calls).
 */
final class PartOfSpeech {

  /** The model file inside {@code org.apache.opennlp:opennlp-models-pos-en}. */
  static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  private static final POSModel MODEL = load();

  private final ThreadLocal<POSTaggerME> taggers =
      ThreadLocal.withInitial(() -> new POSTaggerME(MODEL, POSTagFormat.UD));

  /** One tag per word, the words as printed. */
  String[] tags(String[] words) {
    return taggers.get().tag(words);
  }

  private static POSModel load() {
    try (InputStream in = PartOfSpeech.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("part-of-speech model " + MODEL_RESOURCE + " is not on the classpath "
            + "(org.apache.opennlp:opennlp-models-pos-en)");
      }
      return new POSModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the part-of-speech model " + MODEL_RESOURCE, e);
    }
  }
}
