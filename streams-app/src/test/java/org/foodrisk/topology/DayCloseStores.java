package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.foodrisk.detect.Detection;

/**
 * A {@link PeriodAberrationProcessor}'s two stores in memory, named {@code counts} and {@code progress}, in a
 * {@link MockProcessorContext}: for tests that write a store as some earlier state left it, then close days on it.
 */
record DayCloseStores(MockProcessorContext<String, Detection> context, KeyValueStore<String, DailyCount> counts,
                      KeyValueStore<String, String> progress) {

    static DayCloseStores create() {
        MockProcessorContext<String, Detection> context = new MockProcessorContext<>();
        KeyValueStore<String, DailyCount> counts = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"),
                Serdes.String(), DailyCount.SERDE).withLoggingDisabled().build();
        KeyValueStore<String, String> progress = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("progress"),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        counts.init(context.getStateStoreContext(), counts);
        progress.init(context.getStateStoreContext(), progress);
        context.addStateStore(counts);
        context.addStateStore(progress);
        return new DayCloseStores(context, counts, progress);
    }
}
