package io.paperstream.ingest.feed;

import java.net.URI;

/**
 * What polling one page did.
 *
 * @param url the page
 * @param outcome what it came to
 * @param entries entries produced from it
 * @param deadLetters dead letters produced for it
 * @param reason why it failed, or null
 * @param next the page the answer names as the listing's next ({@code Link: rel="next"}), or null
 * @param siteUnreachable it failed because no connection to its site could be made at all
 */
public record PollResult(String url, PageOutcome outcome, int entries, int deadLetters, String reason, URI next,
    boolean siteUnreachable) {

  public PollResult(String url, PageOutcome outcome, int entries, int deadLetters, String reason) {
    this(url, outcome, entries, deadLetters, reason, null, false);
  }

  static PollResult of(String url, PageOutcome outcome) {
    return new PollResult(url, outcome, 0, 0, null);
  }

  PollResult withNext(URI next) {
    return new PollResult(url, outcome, entries, deadLetters, reason, next, siteUnreachable);
  }
}
