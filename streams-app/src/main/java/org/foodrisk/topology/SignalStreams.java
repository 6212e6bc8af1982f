package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.foodrisk.ingest.Signal;

/**
 * What intake hands on: the admitted, deduplicated signals of all inputs (keyed by id, in event time), and
 * the input tasks' arrival-clock ticks (null values) for the stages that close days ({@link WatermarkWiring}).
 */
record SignalStreams(KStream<String, Signal> signals, KStream<String, Signal> clockTicks) {
}
