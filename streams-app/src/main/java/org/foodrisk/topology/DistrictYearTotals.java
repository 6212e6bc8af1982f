package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.summary.SamplingTotals;

import java.util.Map;
import java.util.TreeMap;

/** Sampling results of one district in one year (event time), and the last day judged against the plan. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistrictYearTotals(long tested, long failed, Map<String, long[]> byCategory, String lastJudged) {

    public DistrictYearTotals {
        byCategory = byCategory == null ? Map.of() : byCategory;
    }

    static DistrictYearTotals empty() {
        return new DistrictYearTotals(0, 0, Map.of(), null);
    }

    DistrictYearTotals add(int sign, boolean failedSample, String category) {
        Map<String, long[]> categories = new TreeMap<>();
        byCategory.forEach((k, v) -> categories.put(k, v.clone()));
        long[] c = categories.computeIfAbsent(String.valueOf(category), k -> new long[2]);
        c[0] += sign;
        c[1] += failedSample ? sign : 0;
        return new DistrictYearTotals(tested + sign, failed + (failedSample ? sign : 0), categories, lastJudged);
    }

    DistrictYearTotals judgedOn(String day) {
        return new DistrictYearTotals(tested, failed, byCategory, day);
    }

    SamplingTotals asTotals() {
        return new SamplingTotals(tested, failed, byCategory);
    }
}
