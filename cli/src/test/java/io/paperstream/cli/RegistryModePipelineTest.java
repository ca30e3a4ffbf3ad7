package io.paperstream.cli;

import io.paperstream.schemas.testing.ApicurioRegistry;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Registry mode against Apicurio Registry's application from Maven Central (unpacked by the
 * build, run as a child JVM once for the class): runs on every machine, no Docker needed.
 */
class RegistryModePipelineTest extends RegistryModePipelineChecks {

  private static ApicurioRegistry registry;

  @BeforeAll
  static void startRegistry() throws IOException {
    registry = ApicurioRegistry.start();
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Override
  String registryUrl() {
    return registry.ccompatUrl();
  }
}
