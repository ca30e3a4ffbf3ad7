package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link PaperIndex} in step with the papers store: each change removes the keys of the
 * record before and adds those of the record after, and moves the per-date count. Runs in the
 * dedupe task, so the index always describes exactly the papers of the same partitions. Each
 * keyword the record lost or gained moves that keyword's paper count. Keys that the records before
 * and after share are neither deleted nor written again. On start the index is rebuilt from the
 * papers store when it does not describe it ({@link PaperIndexRebuild}); each change that moves
 * a key counts one more version, in the index and in the logged version store.
 */
final class PaperIndexer implements Processor<String, PaperChange, Void, Void> {

  private KeyValueStore<String, String> index;
  private KeyValueStore<String, Long> versions;
  private long version;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    index = context.getStateStore(PaperIndex.STORE);
    versions = context.getStateStore(PaperIndex.VERSION_STORE);
    version = PaperIndexRebuild.expected(versions);
    // Kafka Streams starts a task's processors once its stores are restored: the papers are all there
    PaperIndexRebuild.ensure(index, context.getStateStore(PaperTopology.PAPERS_STORE), version,
        exactlyOnce(context), context.taskId().toString());
  }

  private static boolean exactlyOnce(ProcessorContext<Void, Void> context) {
    Object guarantee = context.appConfigs().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
    return guarantee != null && !StreamsConfig.AT_LEAST_ONCE.equals(guarantee);
  }

  @Override
  public void process(Record<String, PaperChange> record) {
    Paper before = record.value().before();
    Paper after = record.value().after();
    if (PaperIndex.sameKeys(before, after)) {
      return; // a sighting or a text change: no key moves, so nothing is read or written
    }
    Set<String> old = PaperIndex.listKeys(before);
    Set<String> now = PaperIndex.listKeys(after);
    old.stream().filter(key -> !now.contains(key)).forEach(index::delete);
    now.stream().filter(key -> !old.contains(key)).forEach(key -> index.put(key, after.getPaperId()));
    String oldCount = before == null ? null : PaperIndex.countKey(before);
    String newCount = after == null ? null : PaperIndex.countKey(after);
    if (oldCount != null && !oldCount.equals(newCount)) {
      add(oldCount, -1);
    }
    if (newCount != null && !newCount.equals(oldCount)) {
      add(newCount, 1);
    }
    Set<String> oldKeywords = PaperIndex.frequencyKeys(before);
    Set<String> newKeywords = PaperIndex.frequencyKeys(after);
    oldKeywords.stream().filter(key -> !newKeywords.contains(key)).forEach(key -> add(key, -1));
    newKeywords.stream().filter(key -> !oldKeywords.contains(key)).forEach(key -> add(key, 1));
    version++;
    index.put(PaperIndex.VERSION, Long.toString(version));
    versions.put(PaperIndexRebuild.CHANGES, version);
  }

  private void add(String countKey, long delta) {
    String current = index.get(countKey);
    long count = (current == null ? 0 : Long.parseLong(current)) + delta;
    if (count > 0) {
      index.put(countKey, Long.toString(count));
    } else {
      index.delete(countKey);
    }
  }
}
