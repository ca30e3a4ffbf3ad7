package io.paperstream.processor.app;

import io.paperstream.config.ClusterOptions;
import io.paperstream.config.Settings;
import io.paperstream.kafka.KafkaCluster;
import io.paperstream.lifecycle.StopSignal;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    StopSignal stop = new StopSignal();
    try (StopSignal.Listening signals = stop.listen(); KafkaCluster cluster = KafkaCluster.connect(settings);
        PaperProcessor processor = PaperProcessor.start(cluster, settings)) {
      spec.commandLine().getErr().println("process: running on " + cluster.bootstrapServers() + "; Ctrl-C stops");
      String applicationId = settings.get(ProcessorSettings.APPLICATION_ID_KEY, ProcessorSettings.DEFAULT_APPLICATION_ID);
      boolean exactlyOnce = !"at_least_once".equals(settings.get(ProcessorSettings.GUARANTEE_KEY, "exactly_once_v2"));
      try (LagMonitor lag = new LagMonitor(cluster.admin(), applicationId, new ProcessorSettings(settings).topics(),
          exactlyOnce);
          ProgressLines status = ProgressLines.start("process", processor.streams()::state, lag,
              ProgressLines.outputsSettled(processor.streams()::state, lag), null, spec.commandLine().getErr())) {
        // Ctrl-C / SIGTERM: closing (in this order) commits the last transaction, leaves the
        // group and then stops the broker this process may own; exit 0
        boolean stopped = stop.awaitStopOr(processor::terminated);
        return !stopped && processor.streams().state() == KafkaStreams.State.ERROR ? 1 : 0;
      }
    }
  }
}
