package org.foodrisk.api.ingest;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} requests, refilled continuously at
 * {@code perMinute} a minute. Thread-safe.
 */
public final class TokenBucket {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final double capacity;
    private final double nanosPerToken;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    public TokenBucket(int perMinute, LongSupplier nanoClock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
        this.capacity = perMinute;
        this.nanosPerToken = (double) NANOS_PER_MINUTE / perMinute;
        this.nanoClock = nanoClock;
        this.tokens = perMinute;
        this.last = nanoClock.getAsLong();
    }

    /**
     * Takes one request's token.
     *
     * @return 0 when taken, else how many nanoseconds until a token is there
     */
    public synchronized long tryTake() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
    }
}
