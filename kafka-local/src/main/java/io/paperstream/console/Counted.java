package io.paperstream.console;

import java.util.Locale;

/**
 * A count with its noun, as the console says it to people: "1 page", "2 pages", "1 entry",
 * "1,824 entries", "0 dead letters". One place for the plural, so no line reads "1 pages".
 */
public final class Counted {

  private Counted() {}

  /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1. */
  public static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  /** {@code n} and {@code singular} when {@code n} is 1, else {@code plural}. */
  public static String of(long n, String singular, String plural) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
  }

  /** "1 page", "3 pages". */
  public static String pages(long n) {
    return of(n, "page");
  }

  /** "1 entry", "3 entries". */
  public static String entries(long n) {
    return of(n, "entry", "entries");
  }

  /** "1 dead letter", "3 dead letters". */
  public static String deadLetters(long n) {
    return of(n, "dead letter");
  }
}
