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
    /**
     * The store's upstream clocks, read once when the task starts (again after a restart or a revived task: Kafka
     * Streams calls init after restoring the store) and kept with every write. Issue 18: a range scan of them on
     * every tick was about 5 % of the replay's stream thread.
     */
    private final Map<Integer, Long> clocks = new HashMap<>();

    WatermarkProcessor(String storeName, int expectedUpstreams) {
        this.storeName = storeName;
        this.expectedUpstreams = expectedUpstreams;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        clocks.clear();
        try (KeyValueIterator<String, Long> all = store.range(UPSTREAM, UPSTREAM + "\uffff")) {
            all.forEachRemaining((KeyValue<String, Long> e) ->
                    clocks.put(Integer.parseInt(e.key.substring(UPSTREAM.length())), e.value));
        }
    }

    @Override
    public void process(Record<String, Signal> record) {
        if (!ClockTicks.isTick(record.key(), record.value())) {
            if (record.value() != null) {
                context().forward(record);
            }
            return;
        }
        int upstream = ClockTicks.upstreamOf(record.key());
        Long previous = clocks.get(upstream);
        if (previous != null && previous >= record.timestamp()) {
            return;
        }
        store.put(UPSTREAM + upstream, record.timestamp());
        clocks.put(upstream, record.timestamp());
        OptionalLong watermark = Watermark.of(clocks, expectedUpstreams);
        Long forwarded = store.get(FORWARDED);
        if (watermark.isPresent() && (forwarded == null || watermark.getAsLong() > forwarded)) {
            store.put(FORWARDED, watermark.getAsLong());
            context().forward(new Record<String, Signal>(ClockTicks.WATERMARK_KEY, null, watermark.getAsLong()));
        }
    }
}
