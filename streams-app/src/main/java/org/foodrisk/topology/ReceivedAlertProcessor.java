package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.exchange.ReceivedAlert;

/**
 * Keeps the latest version of every alert received from a partner region (key {@code <origin>/<alertId>}) and hands
 * on each version once, in increasing order: MirrorMaker 2 copies at least once, so after a restart of the mirror a
 * version may arrive again, and one the sender wrote before a newer one may arrive after it — neither is repeated on
 * foodrisk.received-alerts.v1. Neither is an error either, so neither is a dead letter.
 */
final class ReceivedAlertProcessor extends ContextualProcessor<String, ReceivedAlert, String, ReceivedAlert> {

    private KeyValueStore<String, ReceivedAlert> received;

    @Override
    public void init(ProcessorContext<String, ReceivedAlert> context) {
        super.init(context);
        received = context.getStateStore(StoreNames.RECEIVED_ALERTS);
    }

    @Override
    public void process(Record<String, ReceivedAlert> record) {
        ReceivedAlert arrived = record.value();
        ReceivedAlert known = received.get(record.key());
        if (known != null && known.alert().version() >= arrived.alert().version()) {
            return;
        }
        received.put(record.key(), arrived);
        context().forward(record);
    }
}
