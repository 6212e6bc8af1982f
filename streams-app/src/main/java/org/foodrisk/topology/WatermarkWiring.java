package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.ingest.Signal;

/**
 * A keyed stage that closes days: repartitioned with the input tasks' clock ticks sent to every one of its
 * partitions, which {@link WatermarkProcessor} turns into the stage's watermark — the smallest tick of all
 * input tasks — a null-valued record (key {@link ClockTicks#WATERMARK_KEY}) among its signals.
 */
final class WatermarkWiring {

    private WatermarkWiring() {
    }

    /** @param stage names the repartition topic, its store and the nodes: it must stay as it is */
    static KStream<String, Signal> withWatermark(KStream<String, Signal> keyed, SignalStreams intake, String stage,
                                                 TimeModel time) {
        String store = StoreNames.watermark(stage);
        return keyed.merge(intake.clockTicks(), Named.as("merge-ticks-" + stage))
                .repartition(Repartitioned.with(TopologySerdes.KEY, TopologySerdes.SIGNAL).withName(stage)
                        .withStreamPartitioner(ClockTicks.multicastTicks()))
                .process(WithStores.of(() -> new WatermarkProcessor(store, time.upstreamTasks()),
                        StateStores.clock(store)), Named.as("watermark-" + stage));
    }
}
