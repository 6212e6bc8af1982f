package org.foodrisk.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.foodrisk.kafka.JsonSerde;

/**
 * The kinds of state store the topology uses: all persistent key-value stores keyed by text, logged to a
 * changelog named after the store (which is why a store's name must never change), and cached (issue 18):
 * a value rewritten by many records between two commits — a district's plan progress, a series' daily
 * count, a clock — reaches RocksDB and the changelog once per commit instead of once per record. Under
 * exactly-once the cache is flushed with every commit, so a crash loses nothing the changelog had; reads
 * and range scans see the cache. These are Processor API stores: caching forwards nothing by itself.
 */
final class StateStores {

    private StateStores() {
    }

    /** Values as JSON. */
    static <V> StoreBuilder<KeyValueStore<String, V>> json(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), JsonSerde.of(type))
                .withCachingEnabled();
    }

    /** Values as JSON, with the given serde (one the topology already holds). */
    static <V> StoreBuilder<KeyValueStore<String, V>> json(String name, JsonSerde<V> serde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde)
                .withCachingEnabled();
    }

    /** Clocks and watermarks (epoch milliseconds). */
    static StoreBuilder<KeyValueStore<String, Long>> clock(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    /** Values as text. */
    static StoreBuilder<KeyValueStore<String, String>> text(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                .withCachingEnabled();
    }
}
