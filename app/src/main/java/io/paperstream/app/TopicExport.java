package io.paperstream.app;

import io.paperstream.config.PipelineTopics;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.TopicJson;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the pipeline's final topics as JSON-lines files, in the format of {@code papers export}
 * (see {@link TopicJson}).
 */
final class TopicExport {

  private static final Logger LOG = LoggerFactory.getLogger(TopicExport.class);

  private final Topics topics;
  private final TopicJson topicJson;

  TopicExport(KafkaCluster cluster, Topics topics) {
    this.topics = topics;
    this.topicJson = new TopicJson(cluster);
  }

  /** Writes {@code <logical name>.jsonl} for the output tables and both dead-letter topics; returns lines per file. */
  Map<String, Integer> exportTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Integer> written = new LinkedHashMap<>();
    written.put(Topics.PAPERS, write(dir, Topics.PAPERS, topics.papers()));
    written.put(Topics.KEYWORD_DAILY_COUNTS, write(dir, Topics.KEYWORD_DAILY_COUNTS, topics.keywordDailyCounts()));
    written.put(Topics.KEYWORD_TRENDS, write(dir, Topics.KEYWORD_TRENDS, topics.keywordTrends()));
    written.put(Topics.RAW_DEAD_LETTERS, write(dir, Topics.RAW_DEAD_LETTERS, topics.rawDeadLetters()));
    written.put(Topics.PROCESSING_DEAD_LETTERS,
        write(dir, Topics.PROCESSING_DEAD_LETTERS, topics.processingDeadLetters()));
    return written;
  }

  /** Records in the topic up to its current end (committed records only). */
  int count(Topic<?, ?> topic) {
    return topicJson.read(topic, false).lines().size();
  }

  private int write(Path dir, String logical, Topic<?, ?> topic) throws IOException {
    TopicJson.Snapshot snapshot = topicJson.read(topic, PipelineTopics.isTable(topics, topic));
    snapshot.skipped().forEach(skipped -> LOG.warn("export: {}", skipped));
    Files.write(dir.resolve(logical + ".jsonl"), snapshot.lines(), StandardCharsets.UTF_8);
    return snapshot.lines().size();
  }
}
