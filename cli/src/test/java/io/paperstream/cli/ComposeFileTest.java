package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * docker-compose.yml, the Dockerfile and the Prometheus and Grafana files agree with the code:
 * every paperstream service runs a command and flags the CLI has, sets only documented
 * settings, publishes the port it listens on, and is scraped; Grafana reads that Prometheus.
 * (No Docker engine is needed: this reads the files.)
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DOCUMENTED_KEY = Pattern.compile("^\\| `([a-z0-9.-]+)`", Pattern.MULTILINE);
  private static final Pattern DOCUMENTED_ENV = Pattern.compile("\\b(PAPERSTREAM_[A-Z][A-Z_]*[A-Z])\\b");

  @Test
  void paperstreamServicesRunRealCommandsWithDocumentedSettingsOnTheirPorts() throws IOException {
    Map<String, Map<String, Object>> services = paperstreamServices();
    assertThat(services).containsKeys("feed", "processor-1", "processor-2");
    Set<String> documentedEnv = documentedEnvironment();
    Set<String> hostPorts = new HashSet<>();
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      String name = service.getKey();
      // the command parses: its subcommand and every flag exist
      List<String> command = strings(service.getValue().get("command"));
      CommandLine.ParseResult parsed = Papers.commandLine().parseArgs(command.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).as(name).isTrue();
      // every PAPERSTREAM_* variable is a documented setting
      Map<String, Object> environment = map(service.getValue().get("environment"));
      environment.keySet().stream().filter(variable -> variable.startsWith("PAPERSTREAM_"))
          .forEach(variable -> assertThat(documentedEnv).as(name + ": " + variable + " is documented")
              .contains(variable));
      // it publishes the port its HTTP server listens on, and advertises itself by service name
      String httpPort = String.valueOf(environment.get("PAPERSTREAM_HTTP_PORT"));
      assertThat(strings(service.getValue().get("ports"))).as(name).singleElement()
          .satisfies(mapping -> {
            assertThat(mapping).endsWith(":" + httpPort);
            assertThat(hostPorts.add(mapping.substring(0, mapping.indexOf(':')))).as("host port unique").isTrue();
          });
      assertThat(environment.get("PAPERSTREAM_PROCESSOR_APPLICATION_SERVER")).isEqualTo(name + ":" + httpPort);
    }
    // exactly one instance may poll the feed: the others run with --no-feed
    assertThat(services.values().stream().filter(s -> !strings(s.get("command")).contains("--no-feed"))).hasSize(1);
  }

  @Test
  void kafkaIsThreeBrokersReplicatingThreeTimes() throws IOException {
    Map<String, Map<String, Object>> all = services();
    List<String> brokers = all.keySet().stream().filter(name -> name.startsWith("kafka-")).toList();
    assertThat(brokers).hasSize(3);
    for (String broker : brokers) {
      Map<String, Object> service = all.get(broker);
      assertThat(String.valueOf(service.get("image"))).matches("apache/kafka:4\\.3\\.\\d+");
      Map<String, Object> environment = map(service.get("environment"));
      assertThat(String.valueOf(environment.get("KAFKA_MIN_INSYNC_REPLICAS"))).isEqualTo("2");
      assertThat(String.valueOf(environment.get("KAFKA_DEFAULT_REPLICATION_FACTOR"))).isEqualTo("3");
      // the external listener is published on the same port
      String published = strings(service.get("ports")).get(0);
      assertThat(String.valueOf(environment.get("KAFKA_ADVERTISED_LISTENERS")))
          .contains("EXTERNAL://localhost:" + published.substring(0, published.indexOf(':')));
    }
    for (Map<String, Object> service : paperstreamServices().values()) {
      Map<String, Object> environment = map(service.get("environment"));
      assertThat(String.valueOf(environment.get("PAPERSTREAM_BOOTSTRAP_SERVERS")).split(","))
          .containsExactlyInAnyOrderElementsOf(brokers.stream().map(b -> b + ":9092").toList());
      assertThat(String.valueOf(environment.get("PAPERSTREAM_TOPICS_REPLICATION_FACTOR"))).isEqualTo("3");
      assertThat(String.valueOf(environment.get("PAPERSTREAM_TOPICS_MIN_INSYNC_REPLICAS"))).isEqualTo("2");
    }
  }

  @Test
  void everyInstanceWritesTheRegistryFormatToTheTestedRegistry() throws IOException {
    // the registry is the Apicurio release the registry-mode tests run (the parent POM's version)
    Matcher version = Pattern.compile("<apicurio-registry.version>([^<]+)</apicurio-registry.version>")
        .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(version.find()).isTrue();
    Map<String, Object> registry = services().get("schema-registry");
    assertThat(registry).as("a schema-registry service").isNotNull();
    assertThat(String.valueOf(registry.get("image")))
        .isEqualTo("apicurio/apicurio-registry-kafkasql:" + version.group(1));
    // it keeps its schemas in the three brokers
    List<String> brokers = services().keySet().stream().filter(name -> name.startsWith("kafka-")).toList();
    assertThat(String.valueOf(map(registry.get("environment")).get("KAFKA_BOOTSTRAP_SERVERS")).split(","))
        .containsExactlyInAnyOrderElementsOf(brokers.stream().map(b -> b + ":9092").toList());
    String containerPort = strings(registry.get("ports")).get(0).split(":")[1];
    for (Map.Entry<String, Map<String, Object>> service : paperstreamServices().entrySet()) {
      // and every paperstream instance writes the registry format to its Confluent-compatible API
      Map<String, Object> environment = map(service.getValue().get("environment"));
      assertThat(environment.get("PAPERSTREAM_SERDE_FORMAT")).as(service.getKey()).isEqualTo("registry");
      assertThat(environment.get("PAPERSTREAM_SCHEMA_REGISTRY_URL")).as(service.getKey())
          .isEqualTo("http://schema-registry:" + containerPort + "/apis/ccompat/v7");
      assertThat(strings(service.getValue().get("depends_on"))).as(service.getKey()).contains("schema-registry");
    }
  }

  @Test
  void prometheusScrapesEveryInstanceAndGrafanaReadsPrometheus() throws IOException {
    Map<String, Map<String, Object>> services = paperstreamServices();
    Map<String, Object> prometheus = load(ROOT.resolve("deploy/prometheus/prometheus.yml"));
    Map<String, Object> job = map(((List<?>) prometheus.get("scrape_configs")).get(0));
    assertThat(job.get("metrics_path")).isEqualTo("/metrics");
    List<String> targets = strings(map(((List<?>) job.get("static_configs")).get(0)).get("targets"));
    assertThat(targets).containsExactlyInAnyOrderElementsOf(services.entrySet().stream()
        .map(s -> s.getKey() + ":" + map(s.getValue().get("environment")).get("PAPERSTREAM_HTTP_PORT")).toList());

    Map<String, Object> prometheusService = services().get("prometheus");
    String prometheusPort = strings(prometheusService.get("ports")).get(0).split(":")[1];
    Map<String, Object> datasources = load(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
    assertThat(map(((List<?>) datasources.get("datasources")).get(0)).get("url"))
        .isEqualTo("http://prometheus:" + prometheusPort);
  }

  @Test
  void imageRunsPapersAsANonRootUser() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile).contains("ENTRYPOINT [\"java\"").contains("/opt/paperstream/papers.jar");
    Matcher user = Pattern.compile("^USER (\\S+)$", Pattern.MULTILINE).matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).isNotIn("root", "0");
    Matcher cmd = Pattern.compile("^CMD \\[(.*)]$", Pattern.MULTILINE).matcher(dockerfile);
    assertThat(cmd.find()).isTrue();
    String[] defaultCommand = cmd.group(1).replace("\"", "").split(",\\s*");
    assertThat(Papers.commandLine().parseArgs(defaultCommand).hasSubcommand()).isTrue();
    Set<String> documentedEnv = documentedEnvironment();
    Matcher env = Pattern.compile("(PAPERSTREAM_[A-Z_]+)=").matcher(dockerfile);
    while (env.find()) {
      assertThat(documentedEnv).contains(env.group(1));
    }
  }

  /** The environment names of every key in README's configuration table, and the variables it names. */
  private static Set<String> documentedEnvironment() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Set<String> names = new HashSet<>();
    Matcher key = DOCUMENTED_KEY.matcher(readme);
    while (key.find()) {
      names.add("PAPERSTREAM_" + key.group(1).toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    Matcher env = DOCUMENTED_ENV.matcher(readme);
    while (env.find()) {
      names.add(env.group(1));
    }
    return names;
  }

  private static Map<String, Map<String, Object>> paperstreamServices() throws IOException {
    Map<String, Map<String, Object>> paperstream = new LinkedHashMap<>();
    services().forEach((name, service) -> {
      if (service.containsKey("build")) {
        paperstream.put(name, service);
      }
    });
    return paperstream;
  }

  private static Map<String, Map<String, Object>> services() throws IOException {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    map(load(ROOT.resolve("docker-compose.yml")).get("services")).forEach((name, service) -> services.put(name, map(service)));
    return services;
  }

  private static Map<String, Object> load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static List<String> strings(Object value) {
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
