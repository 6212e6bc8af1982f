package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.foodrisk.kafka.JsonSerde;
import org.foodrisk.kafka.VersionedSerde;

/**
 * The kinds of state store the topology uses: all persistent key-value stores keyed by text, logged to a
 * changelog named after the store (which is why a store's name must never change).
 */
final class StateStores {

    private StateStores() {
    }

    /** Values as JSON. */
    static <V> StoreBuilder<KeyValueStore<String, V>> json(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), JsonSerde.of(type));
    }

    /** Values as JSON, with the given serde (one the topology already holds). */
    static <V> StoreBuilder<KeyValueStore<String, V>> json(String name, JsonSerde<V> serde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde);
    }

    /**
     * Values in binary, cached: for a store of few keys rewritten with nearly every record (a district's year
     * totals), whose changelog then gets each key once a commit instead of once a record.
     */
    static <V> StoreBuilder<KeyValueStore<String, V>> cachedBinary(String name, VersionedSerde<V> serde) {
        return binary(name, serde).withCachingEnabled();
    }

    /** Values in a compact binary form that also reads the JSON written before it ({@link VersionedSerde}). */
    static <V> StoreBuilder<KeyValueStore<String, V>> binary(String name, VersionedSerde<V> serde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde);
    }

    /** Clocks and watermarks (epoch milliseconds). */
    static StoreBuilder<KeyValueStore<String, Long>> clock(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long());
    }

    /**
     * Values as text, cached: for stores rewritten with nearly every record, whose changelog needs each value
     * only once a commit (under exactly-once the cache is flushed with each commit).
     */
    static StoreBuilder<KeyValueStore<String, String>> cachedText(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                .withCachingEnabled();
    }
}
