package io.paperstream.ingest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where test pages live: the project's own invented ones, and the shared real ones if present. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The real pages in {@code ../shared/fixtures}; the calling test is skipped (not failed) when
   * the folder is absent, as on a fresh clone.
   */
  public static Path sharedOrSkip() {
    String configured = System.getProperty("paperstream.fixtures");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared", "fixtures");
    if (!Files.isDirectory(dir)) {
      dir = Path.of("..", "..", "shared", "fixtures");
    }
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared fixtures not found at " + dir + ": skipped");
    return dir.toAbsolutePath().normalize();
  }

  /** A folder of the project's own test resources, e.g. {@code split}. */
  public static Path own(String folder) {
    URL url = Fixtures.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IllegalStateException("test resource folder missing: " + folder);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
