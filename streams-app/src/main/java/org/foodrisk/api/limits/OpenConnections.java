package org.foodrisk.api.limits;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections per client address and in all. Idle connections cost the attacker nothing and
 * the server a file descriptor and buffers each: one address may hold {@code perAddress}, all
 * together {@code total}, the rest are refused at once. An address's entry goes with its last
 * connection, so the map is never larger than the number of open connections. Thread-safe.
 */
public final class OpenConnections {

    private final int total;
    private final int perAddress;
    private final Map<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    public OpenConnections(int total, int perAddress) {
        this.total = total;
        this.perAddress = perAddress;
    }

    /** Counts a new connection from {@code address}; false (and not counted) when over a limit. */
    public boolean tryOpen(InetAddress address) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            return false;
        }
        boolean[] admitted = {false};
        byAddress.compute(address, (a, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perAddress) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
        }
        return admitted[0];
    }

    /** A connection counted by {@link #tryOpen} has closed. */
    public void closed(InetAddress address) {
        open.decrementAndGet();
        byAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }

    public int open() {
        return open.get();
    }

    public int openFrom(InetAddress address) {
        return byAddress.getOrDefault(address, 0);
    }
}
