package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import java.util.Objects;

/**
 * A sighting on its way to the deduplicator of its paper: {@code here} when this task holds
 * that paper (the record's key equals the key it arrived under, so Kafka's partitioner put both
 * on this partition), else it takes one more hop through the sightings topic.
 */
record Routed(Paper sighting, boolean here) {

  Routed {
    Objects.requireNonNull(sighting, "sighting");
  }
}
