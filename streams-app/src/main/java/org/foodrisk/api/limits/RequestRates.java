package org.foodrisk.api.limits;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests started per client address in the current second (a fixed window: simple, and a
 * flood is refused within a second of starting). Publishers have their own per-token rate on the
 * ingestion API; this one bounds what any address can make the server do, signed in or not.
 * Thread-safe; addresses of past seconds are forgotten when many are kept.
 */
public final class RequestRates {

    /** Bounded memory against requests from very many addresses. */
    private static final int FORGET_ABOVE = 10_000;

    private record Window(long second, int requests) {
    }

    private final int perSecond;
    private final LongSupplier millisClock;
    private final Map<InetAddress, Window> windows = new ConcurrentHashMap<>();

    /** @param perSecond requests an address may start in one second; 0 = no limit */
    public RequestRates(int perSecond, LongSupplier millisClock) {
        this.perSecond = perSecond;
        this.millisClock = millisClock;
    }

    /** Counts a request from {@code address}; false when the address is over its rate this second. */
    public boolean tryStart(InetAddress address) {
        if (perSecond <= 0) {
            return true;
        }
        long second = millisClock.getAsLong() / 1000;
        if (windows.size() > FORGET_ABOVE) {
            windows.values().removeIf(window -> window.second() < second);
        }
        Window window = windows.merge(address, new Window(second, 1), (old, first) ->
                old.second() == second ? new Window(second, old.requests() + 1) : first);
        return window.requests() <= perSecond;
    }

    public int perSecond() {
        return perSecond;
    }
}
