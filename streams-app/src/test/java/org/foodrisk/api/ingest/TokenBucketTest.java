package org.foodrisk.api.ingest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-publisher request rate. */
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    @Test
    void aFullBucketLetsABurstThroughThenRefillsSteadily() {
        TokenBucket bucket = new TokenBucket(60, now::get); // one a second
        for (int i = 0; i < 60; i++) {
            assertEquals(0, bucket.tryTake(), "request " + i + " of the burst");
        }
        long wait = bucket.tryTake();
        assertTrue(wait > 0 && wait <= 1_000_000_000L, "wait " + wait);
        now.addAndGet(500_000_000L);
        assertTrue(bucket.tryTake() > 0, "half a token is not a token");
        now.addAndGet(500_000_000L);
        assertEquals(0, bucket.tryTake(), "a second later one more");
        assertTrue(bucket.tryTake() > 0);
    }

    @Test
    void theBucketNeverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(3, now::get);
        now.addAndGet(3_600_000_000_000L); // an idle hour
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.tryTake());
        }
        long wait = bucket.tryTake();
        assertEquals(20_000_000_000L, wait, 1, "3 a minute: the next token in 20 s");
    }

    @Test
    void theLimiterKeepsOneBucketPerPublisherAndAnswersWholeSeconds() {
        RateLimiter limiter = new RateLimiter(2, now::get);
        assertEquals(0, limiter.retryAfterSeconds("lab1", 2));
        assertEquals(0, limiter.retryAfterSeconds("lab1", 2));
        assertEquals(30, limiter.retryAfterSeconds("lab1", 2), "2 a minute: the next in 30 s");
        assertEquals(0, limiter.retryAfterSeconds("lab2", 2), "another publisher has its own bucket");
        now.addAndGet(29_500_000_000L);
        assertEquals(1, limiter.retryAfterSeconds("lab1", 2), "half a second rounds up to 1 s");
        now.addAndGet(500_000_000L);
        assertEquals(0, limiter.retryAfterSeconds("lab1", 2));
    }

    @Test
    void aPublisherMayHaveItsOwnLimit() {
        RateLimiter limiter = new RateLimiter(600, now::get);
        PublisherConfig config = new PublisherConfig("slow");
        config.setKind("hotline");
        config.setTokenSha256("0".repeat(64));
        config.setRequestsPerMinute(1);
        Publisher slow = Publisher.of(config);
        assertEquals(1, limiter.limitOf(slow));
        assertEquals(0, limiter.retryAfterSeconds(slow));
        assertEquals(60, limiter.retryAfterSeconds(slow));
        config.setRequestsPerMinute(null);
        assertEquals(600, limiter.limitOf(Publisher.of(config)));
    }
}
