package io.paperstream.ingest.produce;

import io.paperstream.ingest.PageLog;
import io.paperstream.ingest.feed.FetchLog;
import io.paperstream.schemas.FetchLogEntry;
import io.paperstream.schemas.Topic;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ingest log of {@code papers ingest} and {@code papers run SOURCE}: the feed's {@link FetchLog}
 * mechanism on its own compacted topic ({@code topics.ingest-log}), keyed by source and content
 * fingerprint. Restored on start; a page is logged only after Kafka acknowledged all its records,
 * so a crash re-sends at most the pages in flight, and never loses one.
 */
public final class IngestLog implements PageLog {

  private final FetchLog log;
  private final RawEntryProducer producer;
  private final Clock clock;
  private final Queue<FetchLogEntry> acknowledged = new ConcurrentLinkedQueue<>();

  private IngestLog(FetchLog log, RawEntryProducer producer, Clock clock) {
    this.log = log;
    this.producer = producer;
    this.clock = clock;
  }

  /** Reads the log topic to its end; new entries are written with {@code producer}'s Kafka producer. */
  public static IngestLog restore(String bootstrapServers, Properties clientOverrides,
      Topic<String, FetchLogEntry> topic, RawEntryProducer producer, Clock clock) {
    return new IngestLog(FetchLog.restore(bootstrapServers, clientOverrides, topic, producer.producer()), producer,
        clock);
  }

  /** {@code <source> sha256:<fingerprint>}: one key per content of a source. */
  static String key(String source, String fingerprint) {
    return source + " sha256:" + fingerprint;
  }

  @Override
  public boolean produced(String source, String fingerprint) {
    drain();
    return log.get(key(source, fingerprint)).isPresent();
  }

  @Override
  public void sent(String source, String fingerprint) {
    FetchLogEntry entry = FetchLogEntry.newBuilder()
        .setUrl(source)
        .setStatus(200)
        .setContentFingerprint(fingerprint)
        .setFetchedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .build();
    // the callback runs on the producer's I/O thread, which must not send: the entry is queued
    producer.whenAcknowledged(() -> acknowledged.add(entry));
  }

  /** Waits for the pages in flight and logs those that arrived whole; call before closing the producer. */
  public void finish() {
    producer.flush();
    drain();
    producer.flush();
  }

  /** Log writes that failed: those pages are sent again by the next run (duplicates, never loss). */
  public long failedWrites() {
    return log.failedWrites();
  }

  private void drain() {
    FetchLogEntry entry;
    while ((entry = acknowledged.poll()) != null) {
      log.record(key(entry.getUrl(), entry.getContentFingerprint()), entry);
    }
  }
}
