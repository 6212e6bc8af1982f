package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A processor supplier that declares the stores its processors own ({@link ProcessorSupplier#stores()}), so
 * that a store is named once, where it is built, and is added and connected with its processor. A store
 * two processors share is added with {@code StreamsBuilder#addStateStore} instead, and connected by name
 * to both: neither processor owns it.
 */
final class WithStores<KIn, VIn, KOut, VOut> implements ProcessorSupplier<KIn, VIn, KOut, VOut> {

    private final Supplier<? extends Processor<KIn, VIn, KOut, VOut>> processors;
    private final Set<StoreBuilder<?>> stores;

    private WithStores(Supplier<? extends Processor<KIn, VIn, KOut, VOut>> processors, Set<StoreBuilder<?>> stores) {
        this.processors = processors;
        this.stores = stores;
    }

    /** @param processors makes a new processor on each call (one per task) */
    static <KIn, VIn, KOut, VOut> WithStores<KIn, VIn, KOut, VOut> of(
            Supplier<? extends Processor<KIn, VIn, KOut, VOut>> processors, StoreBuilder<?>... stores) {
        // In the order given, on every run (Set.of would iterate in a different order on each JVM).
        return new WithStores<>(processors, Collections.unmodifiableSet(new LinkedHashSet<>(List.of(stores))));
    }

    @Override
    public Processor<KIn, VIn, KOut, VOut> get() {
        return processors.get();
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return stores;
    }
}
