package io.paperstream.processor.trend;

import io.paperstream.schemas.KeywordDateKey;
import io.paperstream.schemas.KeywordDelta;
import io.paperstream.schemas.KeywordDeltas;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Step 5: the distinct papers per keyword and date, from the keyword deltas of paper changes.
 *
 * <p>Runs on one partition, where every paper change's deltas arrive as one record: the counts
 * live in two stores (by keyword: {@code keyword|date} → count, and the by-date index
 * {@code date|keyword} → count, which the trends and the app's queries read). Each changed count
 * is forwarded as {@code keyword|date} → count, or → null when it fell to zero (a tombstone for
 * the compacted {@code keyword-daily-counts}).
 */
public final class KeywordCounter implements Processor<String, KeywordDeltas, String, Long> {

  private final String byKeywordStore;
  private final String byDateStore;
  private ProcessorContext<String, Long> context;
  private KeyValueStore<String, Long> byKeyword;
  private KeyValueStore<String, Long> byDate;

  public KeywordCounter(String byKeywordStore, String byDateStore) {
    this.byKeywordStore = byKeywordStore;
    this.byDateStore = byDateStore;
  }

  @Override
  public void init(ProcessorContext<String, Long> context) {
    this.context = context;
    this.byKeyword = context.getStateStore(byKeywordStore);
    this.byDate = context.getStateStore(byDateStore);
  }

  @Override
  public void process(Record<String, KeywordDeltas> record) {
    if (record.value() == null) {
      return;
    }
    for (KeywordDelta delta : record.value().getDeltas()) {
      KeywordDateKey key = KeywordDateKey.of(delta.getKeyword(), delta.getDate());
      String encoded = key.encode();
      Long before = byKeyword.get(encoded);
      long count = (before == null ? 0 : before) + delta.getDelta();
      if (count <= 0) {
        byKeyword.delete(encoded);
        byDate.delete(key.encodeByDate());
        context.forward(new Record<>(encoded, null, record.timestamp()));
      } else {
        byKeyword.put(encoded, count);
        byDate.put(key.encodeByDate(), count);
        context.forward(new Record<>(encoded, count, record.timestamp()));
      }
    }
  }
}
