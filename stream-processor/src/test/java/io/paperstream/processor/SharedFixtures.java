package io.paperstream.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Where the shared real pages are (../shared/fixtures); tests over them skip cleanly without them. */
public final class SharedFixtures {

  private SharedFixtures() {}

  /**
   * {@code -Dpaperstream.fixtures=...}, else {@code ../shared/fixtures}, else
   * {@code ../../shared/fixtures} (tests run in the module folder); skips the test when none exists.
   */
  public static Path dirOrSkip() {
    String configured = System.getProperty("paperstream.fixtures");
    List<Path> candidates = configured != null
        ? List.of(Path.of(configured))
        : List.of(Path.of("..", "shared", "fixtures"), Path.of("..", "..", "shared", "fixtures"));
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    Assumptions.abort("shared fixtures not found at " + candidates + ": skipped");
    throw new AssertionError("unreachable");
  }
}
