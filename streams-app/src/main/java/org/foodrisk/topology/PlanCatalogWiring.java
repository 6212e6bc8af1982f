package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.topic.TypedTopics;

/**
 * foodrisk.plan-catalog.v1 ─► global store ─► the routing catalog: every instance reads the whole topic
 * and keeps {@code catalog} (which the detectors and alert routing hold) up to date.
 */
final class PlanCatalogWiring {

    private PlanCatalogWiring() {
    }

    static void wire(StreamsBuilder builder, PlanCatalog catalog) {
        // Not logged: a global store is restored from its own topic.
        StoreBuilder<KeyValueStore<String, byte[]>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PLAN_CATALOG), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
        builder.addGlobalStore(store, TypedTopics.PLAN_CATALOG.name(),
                TypedTopics.PLAN_CATALOG.consumed("source-plan-catalog"),
                () -> new PlanCatalogUpdater(catalog));
    }
}
