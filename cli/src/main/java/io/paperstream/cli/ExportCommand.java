package io.paperstream.cli;

import io.paperstream.config.ClusterOptions;
import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.kafka.TopicJson;
import io.paperstream.schemas.Topic;
import io.paperstream.schemas.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
        "Prints a topic's records decoded to JSON, one per line: a downstream consumer for people and scripts.",
        "Table topics (papers, keyword-daily-counts, keyword-trends, keyword-emerging, keyword-vocabulary, "
            + "fetch-log, ingest-log) print the latest value per key; "
            + "without --follow the command stops at the end offsets it found at start.",
        "Each line: {\"key\": ..., \"value\": {...}} (value null for a deleted key while following); the "
            + "processing dead-letter topic also carries \"headers\" (the reason) and the original bytes in base64.",
        "A record that cannot be decoded (written by another client) is left out, with a line on stderr naming "
            + "its offset, partition, key and the reason."})
public final class ExportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "TOPIC", completionCandidates = LogicalNames.class,
      description = "A topic by its name or logical name: ${COMPLETION-CANDIDATES}.")
  String topicName;

  /** Every topic's logical name, from the one list the topics are defined by. */
  static final class LogicalNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Topics.DEFAULT_NAMES.keySet().iterator();
    }
  }

  @Mixin ClusterOptions clusterOptions;

  @Option(names = "--follow", description = "Keep printing new records as they arrive, until Ctrl-C.")
  boolean follow;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Settings settings = clusterOptions.settings();
    Topics topics = PipelineTopics.from(settings);
    Topic<?, ?> topic = topics.find(topicName).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "unknown topic '" + topicName + "'; known: " + String.join(", ", topics.all().stream().map(Topic::name).toList())));
    PrintWriter out = spec.commandLine().getOut();
    try (KafkaCluster cluster = KafkaCluster.connect(settings)) {
      TopicJson topicJson = new TopicJson(cluster);
      // while following, every change is news: print each record, not only the latest per key
      TopicJson.Snapshot snapshot = topicJson.read(topic, PipelineTopics.isTable(topics, topic) && !follow);
      snapshot.lines().forEach(out::println);
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      snapshot.skipped().forEach(skipped -> err.println("export: " + skipped));
      err.flush();
      if (follow) {
        try (KafkaConsumer<byte[], byte[]> consumer = topicJson.consumer()) {
          consumer.assign(snapshot.endOffsets().keySet());
          snapshot.endOffsets().forEach(consumer::seek);
          follow(consumer, topicJson, topic, out, err);
        }
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("export: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private static void follow(KafkaConsumer<byte[], byte[]> consumer, TopicJson topicJson, Topic<?, ?> topic,
      PrintWriter out, PrintWriter err) {
    AtomicBoolean stopping = new AtomicBoolean();
    Thread main = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      consumer.wakeup();
      try {
        main.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    try {
      while (!stopping.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          String line = topicJson.decodedLine(topic, record, skipped -> err.println("export: " + skipped));
          if (line != null) {
            out.println(line);
          }
        }
        out.flush();
        err.flush();
      }
    } catch (WakeupException e) {
      // Ctrl-C: stop quietly, everything read so far has been printed
    }
  }
}
