package io.paperstream.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The provisional identity of a paper: its arXiv id when a page gives one, else a fingerprint of
 * its title. Producers key raw entries by it; the processor resolves title keys to arXiv ids.
 */
public final class PaperKeys {

  /** Prefix of title-fingerprint keys, which can never be mistaken for an arXiv id. */
  public static final String TITLE_PREFIX = "title:";

  private static final Pattern ARXIV_VERSION = Pattern.compile("v\\d+$");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

  private PaperKeys() {}

  /** The key of an entry: its arXiv id (version stripped), else {@code title:<fingerprint>}. */
  public static String provisionalKey(String arxivId, String title) {
    if (arxivId != null && !arxivId.isBlank()) {
      return ARXIV_VERSION.matcher(arxivId.strip()).replaceFirst("");
    }
    return TITLE_PREFIX + titleFingerprint(title);
  }

  /**
   * A fingerprint that is the same for the same title however a page renders it: case, Unicode
   * compatibility forms, punctuation, white space and hard wraps do not count.
   */
  public static String titleFingerprint(String title) {
    String folded = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
    String letters = NOT_ALPHANUMERIC.matcher(folded).replaceAll("");
    return HexFormat.of().formatHex(sha256(letters.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  /** SHA-256 of {@code bytes} in lower-case hex: the fingerprint of a page body. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
