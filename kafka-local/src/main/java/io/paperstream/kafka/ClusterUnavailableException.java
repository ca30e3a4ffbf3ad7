package io.paperstream.kafka;

/** The configured Kafka cluster cannot be used: the message names the servers and the reason. */
public final class ClusterUnavailableException extends RuntimeException {

  private final String bootstrapServers;

  public ClusterUnavailableException(String bootstrapServers, String reason, Throwable cause) {
    super("cannot use Kafka at " + bootstrapServers + ": " + reason, cause);
    this.bootstrapServers = bootstrapServers;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }
}
