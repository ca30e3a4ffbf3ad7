package io.paperstream.cli;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Registry mode against Apicurio Registry's container image, the same version the Maven-started
 * test runs ({@code apicurio-registry.version}), where Docker exists; skipped without it.
 */
@EnabledIf(value = "dockerAvailable", disabledReason = "no Docker engine: the container test is skipped")
class RegistryModeContainerTest extends RegistryModePipelineChecks {

  private static GenericContainer<?> registry;

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  @BeforeAll
  static void startRegistry() {
    registry = new GenericContainer<>(DockerImageName.parse("apicurio/apicurio-registry-mem")
        .withTag(System.getProperty("apicurio.registry.version", "2.6.13.Final")))
        .withExposedPorts(8080)
        .waitingFor(Wait.forHttp("/apis/ccompat/v7/subjects").forStatusCode(200)
            .withStartupTimeout(Duration.ofMinutes(3)));
    registry.start();
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.stop();
    }
  }

  @Override
  String registryUrl() {
    return "http://" + registry.getHost() + ":" + registry.getMappedPort(8080) + "/apis/ccompat/v7";
  }
}
