package io.paperstream.processor.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeLinksTest {

  private final CodeLinks links = new CodeLinks();

  @ParameterizedTest
  @ValueSource(strings = {
      "https://github.com/tide-lab/marea",
      "http://github.com/tide-lab/marea",
      "https://GITHUB.com/tide-lab/marea/",
      "https://www.github.com/tide-lab/marea.git",
      "github.com/tide-lab/marea/tree/main/src",
      "git@github.com:tide-lab/marea.git",
      "tide-lab/marea",
      "https://github.com/tide-lab/marea#readme",
  })
  void normalizesEveryFormOfARepositoryLink(String link) {
    // given link

    // when
    Optional<String> repository = links.gitHubRepository(link);

    // then
    assertThat(repository).contains("https://github.com/tide-lab/marea");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://tide-lab.github.io/marea", "https://gist.github.com/ames/1a2b3c",
      "https://github.com/topics/forecasting", "https://github.com/tide-lab", "not a link"})
  void pagesGistsAndGitHubsOwnPagesAreNotRepositories(String link) {
    // given link

    // when
    Optional<String> repository = links.gitHubRepository(link);

    // then
    assertThat(repository).isEmpty();
  }

  @Test
  void findsRepositoriesInProseWithoutTrailingPunctuation() {
    // given
    String text = "Code (https://github.com/ames/tide_kit). Also see github.com/Bo-Brandt/Lattice.v2.";

    // when
    List<String> found = links.gitHubRepositoriesIn(text);

    // then
    assertThat(found).containsExactly("https://github.com/ames/tide_kit", "https://github.com/Bo-Brandt/Lattice.v2");
  }

  @Test
  void deduplicatesIgnoringCaseAndKeepsTheFirstSpelling() {
    // given
    String field = "https://github.com/Tide-Lab/Marea";
    String text = "see https://github.com/tide-lab/marea and https://github.com/ames/tidebench";

    // when
    List<String> urls = links.codeUrls(field, text);

    // then
    assertThat(urls).containsExactly("https://github.com/Tide-Lab/Marea", "https://github.com/ames/tidebench");
  }

  @Test
  void keepsARepositoryFieldOfAnotherForgeAndIgnoresGarbage() {
    // given
    String otherForge = "https://GitLab.example.org/tides/marea.git/";

    // when
    List<String> kept = links.codeUrls(otherForge, null);
    List<String> ignored = links.codeUrls("see paper", null);

    // then
    assertThat(kept).containsExactly("https://gitlab.example.org/tides/marea");
    assertThat(ignored).isEmpty();
  }
}
