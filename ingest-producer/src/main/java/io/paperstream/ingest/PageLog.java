package io.paperstream.ingest;

/**
 * Which pages were already produced, by source and content fingerprint, so that running an ingest
 * again (after a crash, or by mistake) does not send them twice.
 */
public interface PageLog {

  /** Whether this content of this source was produced before. */
  boolean produced(String source, String fingerprint);

  /**
   * Every record of the page has been handed to the sink: remember it once they are all
   * acknowledged (never before, so that a crash in between sends the page again rather than lose it).
   */
  void sent(String source, String fingerprint);
}
