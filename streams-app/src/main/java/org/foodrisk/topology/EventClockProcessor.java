package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.ingest.Signal;

/**
 * The service's event-time clock: the latest event time each input task has seen (key
 * {@code task-<id>}, epoch milliseconds). Summaries of a week or month are published when this
 * clock passes the period's end, so that a replay of history publishes them as live traffic did.
 * Kept in a store rather than read from Kafka Streams, which exposes no task's stream time.
 */
final class EventClockProcessor extends ContextualProcessor<String, Signal, Void, Void> {

    private KeyValueStore<String, Long> clock;
    private String key;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        super.init(context);
        clock = context.getStateStore(StoreNames.EVENT_CLOCK);
        key = "task-" + context.taskId();
    }

    @Override
    public void process(Record<String, Signal> record) {
        Long seen = clock.get(key);
        if (record.value().sign() > 0 && (seen == null || record.timestamp() > seen)) {
            clock.put(key, record.timestamp());
        }
    }
}
