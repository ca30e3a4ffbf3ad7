package io.paperstream.ingest.feed;

/**
 * What polling one page did.
 *
 * @param url the page
 * @param outcome what it came to
 * @param entries entries produced from it
 * @param deadLetters dead letters produced for it
 * @param reason why it failed, or null
 */
public record PollResult(String url, PageOutcome outcome, int entries, int deadLetters, String reason) {

  static PollResult of(String url, PageOutcome outcome) {
    return new PollResult(url, outcome, 0, 0, null);
  }
}
