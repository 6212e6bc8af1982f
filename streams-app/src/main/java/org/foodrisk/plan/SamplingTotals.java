package org.foodrisk.plan;

import java.util.Map;

/**
 * Sampling results of a district from 1 January to a date: tested and failed, in all, by category
 * ({@code [tested, failed]}), tested by commissioning agency (keys of
 * {@link org.foodrisk.plan.AgencyNames}; results that name no agency are in none of them), and per plan
 * target ({@link TargetTally}: {@code [counted, failed, unplaced]} by {@link org.foodrisk.plan.TargetScope#keyOf}).
 *
 * @param tallied how many of the results were tallied per target: results stored before targets were
 *                tallied (issue 15) are in {@code tested} but in no target
 */
public record SamplingTotals(long tested, long failed, Map<String, long[]> byCategory, Map<String, Long> byAgency,
                             Map<String, long[]> byTarget, long tallied) {

    public SamplingTotals {
        byCategory = byCategory == null ? Map.of() : byCategory;
        byAgency = byAgency == null ? Map.of() : byAgency;
        byTarget = byTarget == null ? Map.of() : byTarget;
    }

    public SamplingTotals(long tested, long failed, Map<String, long[]> byCategory, Map<String, Long> byAgency) {
        this(tested, failed, byCategory, byAgency, Map.of(), 0);
    }

    /** Results that name no agency: their agency's share of a split target is unknown. */
    public long unattributed() {
        return tested - byAgency.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Results counted before targets were tallied: in no target's figures. */
    public long untallied() {
        return Math.max(0, tested - tallied);
    }

    /**
     * A target's {@code [counted, failed, unplaced]}, none below 0 (the correction of a result stored before
     * targets were tallied takes back what was never added).
     */
    public long[] target(String key) {
        long[] t = byTarget.get(key);
        long[] counts = new long[3];
        for (int i = 0; t != null && i < Math.min(3, t.length); i++) {
            counts[i] = Math.max(0, t[i]);
        }
        return counts;
    }
}
