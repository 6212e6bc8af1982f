package org.foodrisk.summary;

import java.util.Map;

/**
 * Sampling results of a district from 1 January to a date: tested and failed, in all, by category
 * ({@code [tested, failed]}) and tested by commissioning agency (keys of
 * {@link org.foodrisk.plan.AgencyNames}; results that name no agency are in none of them).
 */
public record SamplingTotals(long tested, long failed, Map<String, long[]> byCategory, Map<String, Long> byAgency) {

    public SamplingTotals {
        byCategory = byCategory == null ? Map.of() : byCategory;
        byAgency = byAgency == null ? Map.of() : byAgency;
    }

    /** Results that name no agency: their agency's share of a split target is unknown. */
    public long unattributed() {
        return tested - byAgency.values().stream().mapToLong(Long::longValue).sum();
    }
}
