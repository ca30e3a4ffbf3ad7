package io.paperstream.ingest.source;

import io.paperstream.ingest.split.Page;

/** What reading one source gave: a page to split, or the reason there is none. */
public sealed interface FetchOutcome {

  String source();

  record Fetched(Page page) implements FetchOutcome {
    @Override
    public String source() {
      return page.source();
    }
  }

  record Failed(String source, String reason) implements FetchOutcome {}
}
