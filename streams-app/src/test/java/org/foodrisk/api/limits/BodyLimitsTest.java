package org.foodrisk.api.limits;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BodyLimitsTest {

    private final BodyLimits limits = new BodyLimits(List.of("/api/v1/sampling-results"), "/api/v1/session", 4096, 65536);

    @Test
    void signInIsSmallIngestionIsTheServersAndEverythingElseTheDefault() {
        assertEquals(4096, limits.maxBytes("/api/v1/session"));
        assertEquals(4096, limits.maxBytes("/api/v1/session/?x=1"));
        assertEquals(BodyLimits.SERVER_LIMIT, limits.maxBytes("/api/v1/sampling-results"));
        assertEquals(BodyLimits.SERVER_LIMIT, limits.maxBytes("/api/v1/sampling-results?dry=1"));
        assertEquals(65536, limits.maxBytes("/api/v1/alerts/A-1/actions"));
        assertEquals(65536, limits.maxBytes("/"));
    }

    @Test
    void aPathSpelledOtherwiseNeverGetsTheLargeLimit() {
        assertEquals(65536, limits.maxBytes("/api/v1/%73ampling-results"));
        assertEquals(65536, limits.maxBytes("http://localhost/api/v1/sampling-results"));
    }
}
