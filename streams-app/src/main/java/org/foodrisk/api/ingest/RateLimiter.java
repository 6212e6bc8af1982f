package org.foodrisk.api.ingest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per publisher: its own {@code requests-per-minute}, else
 * foodrisk.ingest.requests-per-minute.
 */
@Singleton
public class RateLimiter {

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(IngestSettings settings) {
        this(settings.requestsPerMinute(), System::nanoTime);
    }

    public RateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /** 0 when the publisher may go on, else the whole seconds to wait (for Retry-After, at least 1). */
    public long retryAfterSeconds(Publisher publisher) {
        return retryAfterSeconds(publisher.name(), limitOf(publisher));
    }

    public int limitOf(Publisher publisher) {
        return publisher.requestsPerMinute() != null ? publisher.requestsPerMinute() : perMinute;
    }

    long retryAfterSeconds(String publisher, int limit) {
        long nanos = buckets.computeIfAbsent(publisher, p -> new TokenBucket(limit, nanoClock)).tryTake();
        return nanos == 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
