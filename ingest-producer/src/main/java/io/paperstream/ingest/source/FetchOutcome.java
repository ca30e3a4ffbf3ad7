package io.paperstream.ingest.source;

import io.paperstream.ingest.split.Page;
import java.net.URI;

/** What reading one source gave: a page to split, or the reason there is none. */
public sealed interface FetchOutcome {

  String source();

  /**
   * A page; {@code next} is the page its answer names as the listing's next ({@code Link: <…>;
   * rel="next"}, on the same host), or null.
   */
  record Fetched(Page page, URI next) implements FetchOutcome {
    public Fetched(Page page) {
      this(page, null);
    }

    @Override
    public String source() {
      return page.source();
    }
  }

  record Failed(String source, String reason) implements FetchOutcome {}
}
