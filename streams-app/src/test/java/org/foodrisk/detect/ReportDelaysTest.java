package org.foodrisk.detect;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReportDelaysTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2024-04-24T10:00:00+08:00");

    @Test
    void theShareReceivedGrowsWithTheAgeOfThePeriod() {
        ReportDelays delays = ReportDelays.none();
        assertNull(delays.receivedShare(Duration.ofDays(3)), "unknown until a delay has been seen");
        // Lab results: 2, 3, 3, 5 days after sampling.
        for (int days : new int[]{2, 3, 3, 5}) {
            delays = delays.record(T, T.plusDays(days).plusHours(2));
        }
        assertEquals(0.0, delays.receivedShare(Duration.ofDays(1)));
        assertEquals(0.25, delays.receivedShare(Duration.ofDays(3)));
        assertEquals(0.5, delays.receivedShare(Duration.ofHours(3 * 24 + 12)), 1e-9, "half of the 3-day ones");
        assertEquals(1.0, delays.receivedShare(Duration.ofDays(6)));
        assertEquals(3, delays.medianDays());
    }

    @Test
    void survivesTheStoreAndCountsVeryLateReportsInTheLastBucket() {
        ReportDelays delays = ReportDelays.none().record(T, T.plusDays(90)).record(T, T);
        ReportDelays read = ReportDelays.parse(delays.toString());
        assertEquals(delays.toString(), read.toString());
        assertEquals(2, read.total());
        assertEquals(0.5, read.receivedShare(Duration.ofDays(20)));
        assertEquals(0, read.medianDays());
        assertEquals(0, ReportDelays.parse(null).total());
    }
}
