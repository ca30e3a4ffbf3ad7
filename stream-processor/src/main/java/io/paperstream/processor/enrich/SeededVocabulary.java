package io.paperstream.processor.enrich;

/**
 * The vocabulary a processor ranks with: the {@link SeedVocabulary} shipped in the jar plus what
 * the stream has taught it, counts and teaching papers added. A fresh processor so ranks with
 * the vocabulary trees from its first paper, and each lesson of the stream adds to the seed.
 * (A stream that replays the seed's own days counts those papers twice; the counts then lean
 * further the same way, which the ranker tolerates as it tolerates any bigger vocabulary.)
 */
public final class SeededVocabulary implements KeyphraseVocabulary {

  private final KeyphraseVocabulary seed;
  private final KeyphraseVocabulary learned;

  public SeededVocabulary(KeyphraseVocabulary seed, KeyphraseVocabulary learned) {
    this.seed = seed;
    this.learned = learned;
  }

  @Override
  public long papers() {
    return seed.papers() + learned.papers();
  }

  @Override
  public long papersWith(String canonicalPhrase) {
    return seed.papersWith(canonicalPhrase) + learned.papersWith(canonicalPhrase);
  }

  @Override
  public long papersSeen(String canonicalPhrase) {
    return seed.papersSeen(canonicalPhrase) + learned.papersSeen(canonicalPhrase);
  }

  /** One look-up on each side; a new pair only when both sides know the phrase. */
  @Override
  public Counts counts(String canonicalPhrase) {
    Counts fromSeed = seed.counts(canonicalPhrase);
    Counts fromStream = learned.counts(canonicalPhrase);
    if (fromSeed.chosen() == 0 && fromSeed.seen() == 0) {
      return fromStream;
    }
    if (fromStream.chosen() == 0 && fromStream.seen() == 0) {
      return fromSeed;
    }
    return new Counts(fromSeed.chosen() + fromStream.chosen(), fromSeed.seen() + fromStream.seen());
  }
}
