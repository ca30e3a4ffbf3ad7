package io.paperstream.cli;

import io.paperstream.schemas.testing.ApicurioRegistry;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registry mode against Apicurio Registry's application from Maven Central (unpacked by the
 * build, run as a child JVM once for the class): runs on every machine, no Docker needed.
 */
class RegistryModePipelineTest extends RegistryModePipelineChecks {

  @RegisterExtension static final ApicurioRegistry REGISTRY = new ApicurioRegistry();

  @Override
  String registryUrl() {
    return REGISTRY.ccompatUrl();
  }
}
