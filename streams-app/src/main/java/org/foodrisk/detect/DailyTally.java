package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Sampling results of one district × category on one day: how many were tested, how many
 * failed, and which failed (for the evidence). Retractions subtract, so corrections count once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DailyTally(long tested, long failed, List<Evidence> failures) {

    /** Evidence kept per day; enough for a line list, bounded so a bad day cannot bloat the store. */
    static final int MAX_EVIDENCE_PER_DAY = 50;

    public DailyTally {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public static DailyTally empty() {
        return new DailyTally(0, 0, List.of());
    }

    public DailyTally add(int sign, boolean isFailure, Evidence evidence) {
        List<Evidence> kept = new ArrayList<>(failures);
        if (isFailure) {
            kept.removeIf(e -> e.id().equals(evidence.id()));
            if (sign > 0 && kept.size() < MAX_EVIDENCE_PER_DAY) {
                kept.add(evidence);
            }
        }
        return new DailyTally(Math.max(0, tested + sign), Math.max(0, failed + (isFailure ? sign : 0)), kept);
    }

    public boolean isEmpty() {
        return tested == 0 && failed == 0;
    }
}
