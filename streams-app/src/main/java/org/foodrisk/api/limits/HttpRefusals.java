package org.foodrisk.api.limits;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * What the HTTP limits refused, for the operator ({@code foodrisk_http_refused_total{reason}}):
 * a rising count is an attack or a client to reconfigure. Refusals are not logged one by one, or
 * a flood of them would flood the log too.
 */
@Singleton
public class HttpRefusals {

    /** Why: names of the metric's reason tag. */
    public enum Reason {
        TOO_MANY_CONNECTIONS("too-many-connections"),
        TOO_MANY_REQUESTS("too-many-requests"),
        TOO_LARGE("too-large"),
        TOO_SLOW("too-slow");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    public HttpRefusals(MeterRegistry registry) {
        this.registry = registry;
        // Every reason from the start, at 0: a board and an alerting rule can then tell "none" from
        // "not measured", and increase() sees the first refusal.
        for (Reason reason : Reason.values()) {
            registry.counter("foodrisk.http.refused", "reason", reason.tag);
        }
    }

    public void count(Reason reason) {
        registry.counter("foodrisk.http.refused", "reason", reason.tag).increment();
    }
}
