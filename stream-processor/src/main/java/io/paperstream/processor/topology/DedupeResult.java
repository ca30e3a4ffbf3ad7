package io.paperstream.processor.topology;

/** What the deduplicator says about one sighting: a change to a paper's record, or a title it claims. */
sealed interface DedupeResult permits PaperChange, TitleClaim {}
