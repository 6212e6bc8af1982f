package org.foodrisk.topology;

import org.apache.kafka.common.utils.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The order in which a key-value store of string keys iterates: by the keys' UTF-8 bytes, unsigned (RocksDB's
 * and the record cache's order). {@link String#compareTo} agrees with it except around characters outside the
 * Basic Multilingual Plane; an in-memory mirror of a store's keys that must hand them out in the store's order
 * sorts with this.
 */
final class StoreKeyOrder implements Comparator<String> {

    static final StoreKeyOrder INSTANCE = new StoreKeyOrder();

    private StoreKeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        return Bytes.BYTES_LEXICO_COMPARATOR.compare(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
