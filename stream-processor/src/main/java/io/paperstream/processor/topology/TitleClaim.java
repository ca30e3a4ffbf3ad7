package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import java.util.Objects;

/**
 * "This title is the paper {@code claim.paperId}": sent, keyed by the title key, to the task
 * that resolves that title ({@link IdentityResolver}), the first time an arXiv id is seen with
 * a title. A small record: the ids, the title and the times of the sighting, nothing else.
 */
record TitleClaim(String titleKey, Paper claim) implements DedupeResult {

  TitleClaim {
    Objects.requireNonNull(titleKey, "titleKey");
    Objects.requireNonNull(claim, "claim");
  }

  /** The claim of {@code sighting}'s title for {@code paperId}. */
  static TitleClaim of(String paperId, Paper sighting) {
    return new TitleClaim(PaperKeys.TITLE_PREFIX + PaperKeys.titleFingerprint(sighting.getTitle()),
        Paper.newBuilder()
            .setPaperId(paperId)
            .setArxivId(paperId)
            .setTitle(sighting.getTitle())
            .setFirstSeen(sighting.getFirstSeen())
            .setLastSeen(sighting.getLastSeen())
            .setSightings(0)
            .build());
  }
}
