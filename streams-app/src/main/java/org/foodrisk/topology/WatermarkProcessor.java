package org.foodrisk.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.ingest.Signal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * First processor of a stage after its repartition: keeps the latest tick of every upstream task and
 * forwards the stage's {@link Watermark} — the smallest of them — whenever it moves, as one record with
 * key {@link ClockTicks#WATERMARK_KEY} and a null value. Signals pass through unchanged. Processors
 * downstream that close periods close them on the watermark, never on the largest time they have seen
 * (which one fast task would push ahead of the others).
 */
final class WatermarkProcessor extends ContextualProcessor<String, Signal, String, Signal> {

    private static final String UPSTREAM = "upstream-";
    private static final String FORWARDED = "#forwarded";

    private final String storeName;
    private final int expectedUpstreams;
    private KeyValueStore<String, Long> store;

    WatermarkProcessor(String storeName, int expectedUpstreams) {
        this.storeName = storeName;
        this.expectedUpstreams = expectedUpstreams;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        super.init(context);
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Signal> record) {
        if (!ClockTicks.isTick(record.key(), record.value())) {
            if (record.value() != null) {
                context().forward(record);
            }
            return;
        }
        String upstream = UPSTREAM + ClockTicks.upstreamOf(record.key());
        Long previous = store.get(upstream);
        if (previous != null && previous >= record.timestamp()) {
            return;
        }
        store.put(upstream, record.timestamp());
        OptionalLong watermark = Watermark.of(clocks(), expectedUpstreams);
        Long forwarded = store.get(FORWARDED);
        if (watermark.isPresent() && (forwarded == null || watermark.getAsLong() > forwarded)) {
            store.put(FORWARDED, watermark.getAsLong());
            context().forward(new Record<String, Signal>(ClockTicks.WATERMARK_KEY, null, watermark.getAsLong()));
        }
    }

    private Map<Integer, Long> clocks() {
        Map<Integer, Long> clocks = new HashMap<>();
        try (KeyValueIterator<String, Long> all = store.range(UPSTREAM, UPSTREAM + "\uffff")) {
            all.forEachRemaining((KeyValue<String, Long> e) ->
                    clocks.put(Integer.parseInt(e.key.substring(UPSTREAM.length())), e.value));
        }
        return clocks;
    }
}
