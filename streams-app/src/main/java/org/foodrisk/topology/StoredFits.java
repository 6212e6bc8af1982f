package org.foodrisk.topology;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The pooled stage's fitted models ({@link PooledFit}) of one kind of period — days or weeks — kept in the progress
 * store as {@code <prefix><series>|<refit date>} and in memory once read. A model is fitted once, when a period first
 * needs it, on the counts as they are then: a restart, or a re-judgement days later, judges with that model, not with
 * a refit on counts that late reports have changed since — so a crash changes no verdict.
 */
final class StoredFits {

    private final KeyValueStore<String, String> progress;
    private final String prefix;
    private final Map<String, Optional<PooledFit>> read = new HashMap<>();

    StoredFits(KeyValueStore<String, String> progress, String prefix) {
        this.progress = progress;
        this.prefix = prefix;
    }

    /** The model of a series' refit date: as stored, else fitted now by {@code fit} and stored (empty: none fits). */
    Optional<PooledFit> of(String series, LocalDate refit, Supplier<Optional<PooledFit>> fit) {
        return read.computeIfAbsent(series + "|" + refit, key -> {
            String stored = progress.get(prefix + key);
            if (stored != null) {
                return PooledFit.decode(stored);
            }
            Optional<PooledFit> fitted = fit.get();
            progress.put(prefix + key, PooledFit.encode(fitted));
            return fitted;
        });
    }

    /** Forgets, stored and read, the models of refit dates before {@code before}: no period they judge can change. */
    void forgetBefore(LocalDate before) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, String> stored = progress.range(prefix, prefix + "\uffff")) {
            stored.forEachRemaining(e -> {
                if (refitOf(e.key).isBefore(before)) {
                    old.add(e.key);
                }
            });
        }
        old.forEach(progress::delete);
        read.keySet().removeIf(key -> refitOf(key).isBefore(before));
    }

    private static LocalDate refitOf(String key) {
        return LocalDate.parse(key.substring(key.lastIndexOf('|') + 1));
    }
}
