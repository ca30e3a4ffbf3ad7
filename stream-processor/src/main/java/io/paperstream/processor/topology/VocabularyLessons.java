package io.paperstream.processor.topology;

import io.paperstream.processor.enrich.KeywordCanonicalizer;
import io.paperstream.processor.enrich.KeywordExtractor;
import io.paperstream.processor.enrich.VocabularyBuilder;
import io.paperstream.schemas.Paper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What one paper with keywords of its own teaches the vocabulary: the canonical phrases it chose
 * and the candidates its text offered. Reads the deduplicator's changes, so it works once per
 * paper and again only when its title, abstract or page keywords change (a re-polled paper
 * costs nothing). Remembers, per paper id, what it taught last, and forwards only the
 * difference (one record per paper change, all its deltas in it), so a paper seen on many
 * pages counts once, a corrected one is corrected and a retired title key withdrawn, never
 * counted twice. The deltas are cut into one record per partition of the counter
 * ({@link VocabularyPartitioner}): each phrase's lines go to the partition that counts it.
 *
 * <p>Lessons and deltas are {@link LessonLines}.
 */
final class VocabularyLessons implements Processor<String, PaperChange, String, String> {

  private final String storeName;
  private final KeywordExtractor extractor;
  private final int partitions;
  private final KeywordCanonicalizer canonicalizer = new KeywordCanonicalizer();
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> taught;

  VocabularyLessons(String storeName, KeywordExtractor extractor, int partitions) {
    this.storeName = storeName;
    this.extractor = extractor;
    this.partitions = partitions;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.taught = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, PaperChange> record) {
    Paper before = record.value().before();
    Paper after = record.value().after();
    if (before != null && after != null && PaperMerger.sameText(before, after)) {
      return;
    }
    String lesson = after == null ? "" : lessonOf(record.value());
    String taughtBefore = taught.get(record.key());
    if (lesson.equals(taughtBefore == null ? "" : taughtBefore)) {
      return;
    }
    if (lesson.isEmpty()) {
      taught.delete(record.key());
    } else {
      taught.put(record.key(), lesson);
    }
    String[] parts = partsOf(deltas(taughtBefore == null ? "" : taughtBefore, lesson));
    for (int partition = 0; partition < parts.length; partition++) {
      if (parts[partition] != null) {
        context.forward(record.withKey(VocabularyPartitioner.keyOf(partition)).withValue(parts[partition]));
      }
    }
  }

  /** The delta lines of each partition, joined (null: none for it). */
  private String[] partsOf(List<String> deltas) {
    StringBuilder[] parts = new StringBuilder[partitions];
    for (String line : deltas) {
      int partition = VocabularyPartitioner.partitionOf(LessonLines.phraseOf(line), partitions);
      if (parts[partition] == null) {
        parts[partition] = new StringBuilder(line);
      } else {
        parts[partition].append('\n').append(line);
      }
    }
    String[] joined = new String[partitions];
    for (int partition = 0; partition < partitions; partition++) {
      joined[partition] = parts[partition] == null ? null : parts[partition].toString();
    }
    return joined;
  }

  /**
   * What the changed paper teaches: nothing without keywords of its own. Its candidate phrases
   * are those of the extraction that derived its keywords in this change; only a record whose
   * keywords were carried over (a hand-over) has its text read again.
   */
  private String lessonOf(PaperChange change) {
    Paper paper = change.after();
    Set<String> chosen = VocabularyBuilder.phrasesOf(canonicalizer, paper.getSourceKeywords());
    if (chosen.isEmpty()) {
      return "";
    }
    Set<String> seen = change.extraction() != null ? change.extraction().candidatePhrases()
        : extractor.candidatePhrases(paper.getTitle(), paper.getAbstract$());
    return lesson(chosen, seen);
  }

  /** A paper's lesson: its {@link LessonLines}, sorted, the paper itself among them. */
  private static String lesson(Set<String> chosen, Set<String> seen) {
    TreeSet<String> lines = new TreeSet<>();
    lines.add(LessonLines.chosen(""));
    chosen.forEach(phrase -> lines.add(LessonLines.chosen(phrase)));
    seen.forEach(phrase -> lines.add(LessonLines.seen(phrase)));
    return String.join("\n", lines);
  }

  private static List<String> deltas(String before, String after) {
    Set<String> old = lines(before);
    Set<String> now = lines(after);
    List<String> deltas = new ArrayList<>();
    old.stream().filter(line -> !now.contains(line)).forEach(line -> deltas.add(LessonLines.removed(line)));
    now.stream().filter(line -> !old.contains(line)).forEach(line -> deltas.add(LessonLines.added(line)));
    return deltas;
  }

  private static Set<String> lines(String lesson) {
    return lesson.isEmpty() ? Set.of() : new HashSet<>(List.of(lesson.split("\n")));
  }
}
