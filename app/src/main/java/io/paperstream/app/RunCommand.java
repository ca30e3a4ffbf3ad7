package io.paperstream.app;

import io.paperstream.config.ClusterOptions;
import io.paperstream.config.Durations;
import io.paperstream.config.Settings;
import io.paperstream.ingest.IngestPipeline;
import io.paperstream.ingest.feed.ElectedFeed;
import io.paperstream.ingest.feed.FeedSettings;
import io.paperstream.ingest.produce.IngestLog;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.ingest.source.HttpPageFetcher;
import io.paperstream.ingest.source.PageSources;
import io.paperstream.ingest.split.PageSplitter;
import io.paperstream.ingest.split.SplitLimits;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.processor.app.ProgressLines;
import io.paperstream.lifecycle.StopSignal;
import io.paperstream.schemas.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Runs everything in one process: the local broker (unless bootstrap servers are configured), the topics, "
            + "the stream processor, the HTTP query API and feeds (http://127.0.0.1:8080/), and the ingest of SOURCEs.",
        "With no SOURCE: the continuous daily feed (see papers feed) polls the digests on its schedule.",
        "With --once: ingests the SOURCEs, waits until the processor has caught up, prints a summary and exits "
            + "(--export DIR then writes the final topics as JSON-lines files).",
        "Exit status: 0 when done (or stopped with Ctrl-C), 1 when a source could not be read or the processor "
            + "failed, 2 for a usage error."})
public final class RunCommand implements Callable<Integer> {

  /** Ctrl-C, SIGTERM or {@link #stop()}: the run stops cleanly and exits 0. */
  private final StopSignal stopSignal = new StopSignal();

  @Parameters(arity = "0..*", paramLabel = "SOURCE",
      description = "A page file, a folder (read recursively: *.txt, *.json, *.html, *.htm) or an http(s) URL. "
          + "None: follow the continuous daily feed (see papers feed).")
  List<String> sources = List.of();

  @Option(names = "--once", description = "Ingest, wait until the processor has caught up, print a summary, exit.")
  boolean once;

  @Option(names = "--export", paramLabel = "DIR",
      description = "With --once: write papers, keyword-daily-counts, keyword-trends and both dead-letter topics "
          + "to DIR as <name>.jsonl (tables: the latest value per key).")
  Path exportDir;

  @Option(names = "--http-port", paramLabel = "PORT",
      description = "HTTP port (setting http.port; default 8080; 0: any free port).")
  Integer httpPort;

  @Option(names = "--http-host", paramLabel = "HOST",
      description = "HTTP bind address (setting http.host; default 127.0.0.1, loopback only).")
  String httpHost;

  @Option(names = "--no-feed",
      description = "With no SOURCE: do not poll the daily feed, only process and answer queries (the role of "
          + "every instance but the feed poller). Without it, the instances of one cluster elect one poller.")
  boolean noFeed;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Date (YYYY-MM-DD) against which pages that print no year are resolved. "
          + "Default: the fetch time, or the file's modification time.")
  LocalDate asOf;

  @Option(names = "--force",
      description = "Send every SOURCE page again, even those the ingest log says were produced before.")
  boolean force;

  @Mixin ClusterOptions clusterOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (StopSignal.Listening signals = stopSignal.listen()) {
      return runUntilDoneOrStopped();
    }
  }

  private Integer runUntilDoneOrStopped() throws Exception {
    if (exportDir != null && !once) {
      throw new ParameterException(spec.commandLine(), "--export needs --once (the export is of the final topics)");
    }
    PrintWriter err = spec.commandLine().getErr();
    Settings settings = clusterOptions.settings()
        .with(HttpApi.PORT_KEY, httpPort == null ? null : String.valueOf(httpPort))
        .with(HttpApi.HOST_KEY, httpHost);
    RunOptionsCheck.require(sources, settings, spec.commandLine());
    KafkaCluster cluster = KafkaCluster.connect(settings);
    AppStack stack;
    try {
      stack = AppStack.start(cluster, settings);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    err.println("run: dashboard at " + stack.publicUrl() + "/ ; Kafka at " + cluster.bootstrapServers());
    err.flush();
    if (once) {
      try (cluster; stack) {
        return new RunOnce(cluster, stack, stopSignal, err).run(!sources.isEmpty(), () -> ingest(cluster, stack, err),
            exportDir);
      }
    }
    return serve(cluster, stack, settings, err);
  }

  private int serve(KafkaCluster cluster, AppStack stack, Settings settings, PrintWriter err) throws Exception {
    // With no SOURCE, the continuous daily feed polls the digests on its schedule, in whichever
    // instance the others elect (FeedElection): one poller however many instances run.
    ElectedFeed feed = sources.isEmpty() && !noFeed
        ? ElectedFeed.start(settings, cluster, started -> {
          stack.metrics().bindFeed(started.metrics());
          FeedHint.start(started.metrics(), started.settings().baseUrl().toString(), err);
        })
        : null;
    // Closes the feed, the stack (committing the processor's last transaction, leaving the
    // group) and then the broker this process may own: on a stop signal from this thread, and
    // from a shutdown hook when the JVM ends otherwise (SIGHUP). The stack closes only once.
    Thread shutdown = new Thread(() -> {
      if (feed != null) {
        feed.close();
      }
      stack.close();
      cluster.close();
    }, "paperstream-run-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    int exit = 0;
    if (feed != null) {
      FeedSettings feedSettings = FeedSettings.from(settings);
      err.println("run: no SOURCE given: following the daily feed at " + feedSettings.baseUrl()
          + " every " + Durations.describe(feedSettings.interval()) + " while this instance is the elected poller"
          + " (papers feed --help for the settings)");
      err.flush();
    } else if (sources.isEmpty()) {
      err.println("run: --no-feed: processing and answering queries; another instance polls the feed");
      err.flush();
    } else {
      exit = ingest(cluster, stack, err).unreadable() == 0 ? 0 : 1;
    }
    // after the ingest, so that status lines do not cut through the progress bar
    boolean stopped;
    try (ProgressLines status = ProgressLines.start("run", stack.streams()::state, stack.lag(), stack::caughtUp,
        stack::papersSoFar, err)) {
      stopped = stopSignal.awaitStopOr(stack.processor()::terminated);
    }
    Runtime.getRuntime().removeShutdownHook(shutdown);
    shutdown.run();
    return !stopped && stack.streams().state() == KafkaStreams.State.ERROR ? 1 : exit;
  }

  /** Stops {@code papers run} as SIGTERM does: feed, processor, HTTP server, broker; exit 0. */
  void stop() {
    stopSignal.request();
  }

  private SourceIngest.Totals ingest(KafkaCluster cluster, AppStack stack, PrintWriter err) {
    if (sources.isEmpty()) {
      return new SourceIngest.Totals(0, 0, 0, 0, 0);
    }
    Topics topics = stack.topics();
    IngestPipeline pipeline = new IngestPipeline(
        new PageSources(new HttpPageFetcher(), asOf), new PageSplitter(SplitLimits.from(clusterOptions.settings())),
        Clock.systemUTC());
    Producer<byte[], byte[]> kafkaProducer = new KafkaProducer<>(
        RawEntryProducer.producerConfig(cluster.bootstrapServers(), cluster.clientOverrides()),
        new ByteArraySerializer(), new ByteArraySerializer());
    stack.metrics().bindProducer(kafkaProducer);
    SourceIngest.Totals totals;
    try (RawEntryProducer producer = new RawEntryProducer(kafkaProducer, topics)) {
      // pages produced by an earlier (crashed or finished) run are skipped, unless --force
      IngestLog log = IngestLog.restore(cluster.bootstrapServers(), cluster.clientOverrides(), topics.ingestLog(),
          producer, Clock.systemUTC());
      totals = new SourceIngest(pipeline.withLog(log, force), stack.metrics(), err, System.console() != null)
          .run(sources, producer);
      log.finish();
    }
    err.println("run: ingested " + totals + " -> " + topics.rawEntries().name());
    err.flush();
    return totals;
  }
}
