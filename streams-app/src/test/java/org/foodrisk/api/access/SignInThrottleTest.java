package org.foodrisk.api.access;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ten failed sign-ins from one address within fifteen minutes close it until the oldest is fifteen minutes old. */
class SignInThrottleTest {

    @Test
    void theEleventhTryAfterTenFailuresWaitsForTheWindow() {
        SignInThrottle throttle = new SignInThrottle();
        Instant start = Instant.parse("2026-11-26T01:00:00Z");
        for (int i = 0; i < SignInThrottle.FAILURES; i++) {
            assertEquals(0, throttle.retryAfterSeconds("10.0.0.7", start.plusSeconds(i)), "try " + (i + 1));
            throttle.failed("10.0.0.7", start.plusSeconds(i));
        }
        assertEquals(15 * 60 - 10, throttle.retryAfterSeconds("10.0.0.7", start.plusSeconds(10)));
        assertEquals(0, throttle.retryAfterSeconds("10.0.0.8", start.plusSeconds(10)), "another address is not affected");
        assertEquals(1, throttle.retryAfterSeconds("10.0.0.7", start.plusSeconds(15 * 60 - 1)));
        assertEquals(0, throttle.retryAfterSeconds("10.0.0.7", start.plusSeconds(15 * 60)), "the oldest failure has aged out");
        throttle.failed("10.0.0.7", start.plusSeconds(15 * 60));
        assertEquals(1, throttle.retryAfterSeconds("10.0.0.7", start.plusSeconds(15 * 60)), "ten in the window again");
    }
}
