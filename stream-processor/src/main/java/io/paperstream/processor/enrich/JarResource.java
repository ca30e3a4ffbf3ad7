package io.paperstream.processor.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a resource shipped in the jar (a model, a lexicon, a vocabulary), failing in one line that names it. */
public final class JarResource {

  /** How a resource's bytes become what it holds. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  private JarResource() {}

  /**
   * The resource at {@code path} (absolute, next to {@code owner}'s classes) read by {@code reader};
   * {@code what} names it in the errors ("the part-of-speech lexicon").
   */
  public static <T> T read(Class<?> owner, String path, String what, Reader<T> reader) {
    try (InputStream in = owner.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(what + " " + path + " is not on the classpath");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + path, e);
    }
  }
}
