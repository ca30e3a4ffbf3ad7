package io.paperstream.ingest.source;

import io.paperstream.ingest.split.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns the SOURCE arguments of a command (files, folders read recursively, http(s) URLs) into
 * pages, one at a time, so that a folder of thousands of pages never sits in memory at once. A
 * file page is not read here: the splitter checks its size and streams it.
 */
public final class PageSources {

  /** File endings read when walking a folder; a file named explicitly is always read. */
  static final Set<String> PAGE_ENDINGS = Set.of(".txt", ".json", ".html", ".htm");

  private final HttpPageFetcher http;
  private final LocalDate asOf;

  /** {@code asOf} resolves year-less page dates; null means each page's fetch (or modification) date. */
  public PageSources(HttpPageFetcher http, LocalDate asOf) {
    this.http = http;
    this.asOf = asOf;
  }

  /**
   * What is wrong with a SOURCE argument before anything is read: a path that does not exist or
   * cannot be read, a URL that is not one; empty when it can be tried.
   */
  public static Optional<String> problem(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        return URI.create(source).getHost() == null ? Optional.of("not an http(s) URL with a host") : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of("not a valid URL: " + e.getMessage());
      }
    }
    Path path;
    try {
      path = lower.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source);
    } catch (IllegalArgumentException e) { // also InvalidPathException
      return Optional.of("not a valid path: " + e.getMessage());
    }
    if (!Files.exists(path)) {
      return Optional.of("no such file or folder" + (path.isAbsolute() ? "" : " (" + path.toAbsolutePath() + ")"));
    }
    return Files.isReadable(path) ? Optional.empty() : Optional.of("not readable (permissions)");
  }

  public void forEach(List<String> sources, Consumer<FetchOutcome> sink) {
    for (String source : sources) {
      read(source, sink);
    }
  }

  private void read(String source, Consumer<FetchOutcome> sink) {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      readUrl(source, sink);
      return;
    }
    Path path = lower.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source);
    if (Files.isDirectory(path)) {
      walk(path, sink);
    } else if (Files.isRegularFile(path)) {
      sink.accept(readFile(path));
    } else {
      sink.accept(new FetchOutcome.Failed(source, "no such file, folder or http(s) URL"));
    }
  }

  /**
   * A URL, then the pages its answers name as next ({@link NextPageLink#follow}: a listing the
   * site answers on several pages).
   */
  private void readUrl(String source, Consumer<FetchOutcome> sink) {
    URI uri;
    try {
      uri = URI.create(source);
    } catch (IllegalArgumentException e) {
      sink.accept(new FetchOutcome.Failed(source, "not a valid URL: " + e.getMessage()));
      return;
    }
    NextPageLink.follow(uri, page -> http.fetch(page, asOf),
        outcome -> outcome instanceof FetchOutcome.Fetched fetched ? fetched.next() : null, sink, () -> false);
  }

  private void walk(Path folder, Consumer<FetchOutcome> sink) {
    try (Stream<Path> files = Files.walk(folder)) {
      // sorted, so that positions and output order are the same on every machine
      files.filter(Files::isRegularFile).filter(PageSources::looksLikePage).sorted()
          .forEachOrdered(file -> sink.accept(readFile(file)));
    } catch (IOException | UncheckedIOException e) {
      sink.accept(new FetchOutcome.Failed(folder.toUri().toString(), "cannot read folder: " + e.getMessage()));
    }
  }

  private static boolean looksLikePage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && PAGE_ENDINGS.stream().anyMatch(name::endsWith);
  }

  private FetchOutcome readFile(Path file) {
    String source = file.toAbsolutePath().normalize().toUri().toString();
    try {
      // the body stays on disk: the splitter checks its size and streams it
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      LocalDate resolveAgainst = asOf != null ? asOf : LocalDate.ofInstant(modified, ZoneOffset.UTC);
      return new FetchOutcome.Fetched(Page.ofFile(source, contentTypeOf(file), file, modified, resolveAgainst));
    } catch (IOException e) {
      return new FetchOutcome.Failed(source, "cannot read file: " + e.getMessage());
    }
  }

  private static String contentTypeOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/json";
    } else if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "text/html";
    } else if (name.endsWith(".txt")) {
      return "text/plain";
    }
    return null;
  }
}
