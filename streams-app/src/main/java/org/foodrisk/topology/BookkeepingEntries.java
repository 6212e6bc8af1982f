package org.foodrisk.topology;

import org.apache.kafka.streams.state.KeyValueStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The few bookkeeping entries of a progress store that a processor reads with every record (its closed-through day,
 * the first day it saw, an unfinished round's marks), mirrored in memory and written through: issue 18, reading them
 * from the store for every record — a cache lookup and a copy each, four to six per record — was a fifth of
 * {@link PeriodAberrationProcessor}'s time in the replay. Only the processor that owns the store writes them, so the
 * mirror stays true; it is made afresh when the task (re)starts, from the store as restored.
 */
final class BookkeepingEntries {

    private final KeyValueStore<String, String> store;
    private final Map<String, Optional<String>> entries = new HashMap<>();

    BookkeepingEntries(KeyValueStore<String, String> store) {
        this.store = store;
    }

    String get(String key) {
        return entries.computeIfAbsent(key, k -> Optional.ofNullable(store.get(k))).orElse(null);
    }

    void put(String key, String value) {
        store.put(key, value);
        entries.put(key, Optional.of(value));
    }

    void delete(String key) {
        store.delete(key);
        entries.put(key, Optional.empty());
    }
}
