package io.paperstream.processor.app;

import io.paperstream.config.ClusterOptions;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "process", mixinStandardHelpOptions = true,
    description = {
        "Runs the stream processor until stopped (Ctrl-C or SIGTERM stop it cleanly): raw entries in; "
            + "papers, keyword-daily-counts and keyword-trends out.",
        "Without bootstrap servers it uses the local embedded broker, starting one when none is running."})
public final class ProcessCommand implements Callable<Integer> {

  @Mixin ClusterOptions clusterOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = clusterOptions.settings();
    KafkaCluster cluster = KafkaCluster.connect(settings);
    PaperProcessor processor;
    try {
      processor = PaperProcessor.start(cluster, settings);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    // The JVM exits as soon as its shutdown hooks return, so the hook itself closes the
    // processor (committing its last transaction) and then the broker it may own.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      processor.close();
      cluster.close();
    }, "paperstream-process-shutdown"));
    spec.commandLine().getErr().println("process: running on " + cluster.bootstrapServers() + "; Ctrl-C stops");
    String applicationId = settings.get(ProcessorSettings.APPLICATION_ID_KEY, ProcessorSettings.DEFAULT_APPLICATION_ID);
    boolean exactlyOnce = !"at_least_once".equals(settings.get(ProcessorSettings.GUARANTEE_KEY, "exactly_once_v2"));
    try (LagMonitor lag = new LagMonitor(cluster.admin(), applicationId, new ProcessorSettings(settings).topics(),
        exactlyOnce);
        ProgressLines status = ProgressLines.start("process", processor.streams()::state, lag,
            ProgressLines.outputsSettled(processor.streams()::state, lag), null, spec.commandLine().getErr())) {
      processor.awaitTermination();
    }
    return processor.streams().state() == KafkaStreams.State.ERROR ? 1 : 0;
  }
}
