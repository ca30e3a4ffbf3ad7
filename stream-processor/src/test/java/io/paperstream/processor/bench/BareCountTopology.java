package io.paperstream.processor.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The baseline: a bare Kafka Streams app that only repartitions the raw entries by key and
 * counts them, no paperstream logic (values stay bytes, never decoded). What any topology on
 * this input costs at least, under the same Streams settings.
 */
final class BareCountTopology {

  static final String COUNTS_STORE = "bare-counts";

  private BareCountTopology() {}

  static Topology build(String input, String output) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw"))
        .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("by-key"))
        .groupByKey(Grouped.with("group", Serdes.String(), Serdes.ByteArray()))
        .count(Named.as("count"), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(COUNTS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
        .toStream(Named.as("changes"))
        .to(output, Produced.with(Serdes.String(), Serdes.Long()).withName("to-counts"));
    return builder.build();
  }
}
