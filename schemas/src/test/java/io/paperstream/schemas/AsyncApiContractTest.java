package io.paperstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/asyncapi.yaml} is the contract consumers in other languages read: it must name
 * every topic paperstream writes for them, by its default name, and no topic it does not have.
 */
class AsyncApiContractTest {

  private static final Path CONTRACT = Path.of("..", "docs", "asyncapi.yaml");
  /** Topics only the processor reads: not part of the consumer contract. */
  private static final Set<String> INTERNAL = Set.of(Topics.SIGHTINGS, Topics.KEYWORD_VOCABULARY);
  private static final Pattern CHANNEL_ADDRESS = Pattern.compile("(?m)^    address: (\\S+)$");

  @Test
  void everyPublicTopicHasAChannelAndEveryChannelIsATopic() throws IOException {
    // given the channel addresses of the contract
    Set<String> addresses = new TreeSet<>();
    Matcher address = CHANNEL_ADDRESS.matcher(Files.readString(CONTRACT));
    while (address.find()) {
      addresses.add(address.group(1));
    }

    // when the registry's public topics are listed by their default names
    Map<String, String> publicTopics = new HashMap<>(Topics.DEFAULT_NAMES);
    INTERNAL.forEach(publicTopics::remove);

    // then the two sets are the same
    assertThat(addresses).containsExactlyInAnyOrderElementsOf(publicTopics.values());
  }
}
