package org.foodrisk.runtime;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time zone the service judges days and periods in ({@code foodrisk.zone}, Asia/Shanghai): the one
 * thing most readers of the API need of the topology's settings, injected on its own so that they do not
 * depend on the topology's settings record.
 */
public record ServiceZone(ZoneId zone) {

    /** Today in the service's zone. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
