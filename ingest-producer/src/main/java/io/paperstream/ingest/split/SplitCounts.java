package io.paperstream.ingest.split;

import io.paperstream.schemas.SourceKind;

/**
 * What one streamed page gave.
 *
 * @param kind the detected page form; null when the form could not be detected
 * @param entries entries handed on
 * @param deadLetters dead letters handed on (a summary of dropped ones included)
 * @param droppedDeadLetters dead letters beyond the page's cap, counted in the summary only
 * @param pageRejected whether the page as a whole could not be read (no entry came from it)
 */
public record SplitCounts(SourceKind kind, int entries, int deadLetters, int droppedDeadLetters,
    boolean pageRejected) {}
