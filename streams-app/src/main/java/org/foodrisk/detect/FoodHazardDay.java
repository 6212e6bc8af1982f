package org.foodrisk.detect;

import org.foodrisk.ingest.BoundedText;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sampling results of one district × food on one day, as the food × hazard rates need them:
 * per hazard class the results whose items test it and those that failed it; {@code unlisted},
 * results that name no items (a 合格 result may come without them), count as tested for every
 * class. Retractions subtract, so corrections count once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FoodHazardDay(long unlisted, Map<String, long[]> byHazard, List<Failure> failures) {

    /** Failures kept per day; bounded so that a bad day cannot bloat the store. */
    static final int MAX_FAILURES_PER_DAY = 50;
    /**
     * And each failure's texts, so that a day fits its changelog whatever the input (issue 14: 50 results
     * with twelve 250-character items made a day of ~450 KB, re-read for every result of the chart's span).
     * Evidence lines are cut at 160 characters anyway. Items stay whole entries (the rule reads them one
     * by one for critical substances): at most {@value #MAX_ITEMS} of {@value #MAX_ITEM_CHARS} characters.
     */
    static final int MAX_TEXT_CHARS = 160;
    static final int MAX_ITEMS = 12;
    static final int MAX_ITEM_CHARS = 40;

    /** One failed result: which hazard class and items, at which business. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String id, OffsetDateTime at, String hazardClass, String items, String enterprise,
                          String summary) {
        public Failure {
            items = BoundedText.list(items, "、", MAX_ITEMS, MAX_ITEM_CHARS);
            enterprise = BoundedText.abbreviated(enterprise, MAX_TEXT_CHARS);
            summary = BoundedText.abbreviated(summary, MAX_TEXT_CHARS);
        }
    }

    public FoodHazardDay {
        byHazard = byHazard == null ? Map.of() : byHazard;
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public static FoodHazardDay empty() {
        return new FoodHazardDay(0, Map.of(), List.of());
    }

    /**
     * @param tested      the hazard classes the result's items test (empty: unknown, tested for all)
     * @param failedItems failed item names by hazard class
     */
    public FoodHazardDay add(int sign, List<String> tested, Map<String, List<String>> failedItems, String id,
                             OffsetDateTime at, String enterprise, String summary) {
        Map<String, long[]> counts = new TreeMap<>();
        byHazard.forEach((k, v) -> counts.put(k, v.clone()));
        long newUnlisted = unlisted;
        if (tested.isEmpty()) {
            newUnlisted = Math.max(0, unlisted + sign);
        }
        for (String hazardClass : tested) {
            long[] c = counts.computeIfAbsent(hazardClass, k -> new long[2]);
            c[0] = Math.max(0, c[0] + sign);
        }
        List<Failure> kept = new ArrayList<>(failures);
        kept.removeIf(f -> f.id().equals(id));
        failedItems.forEach((hazardClass, items) -> {
            long[] c = counts.computeIfAbsent(hazardClass, k -> new long[2]);
            c[1] = Math.max(0, c[1] + sign);
            if (sign > 0 && kept.size() < MAX_FAILURES_PER_DAY) {
                kept.add(new Failure(id, at, hazardClass, String.join("、", items), enterprise, summary));
            }
        });
        counts.values().removeIf(c -> c[0] == 0 && c[1] == 0);
        return new FoodHazardDay(newUnlisted, counts, kept);
    }

    /** Results tested for the hazard class that day (those naming it and those naming no items). */
    public long tested(String hazardClass) {
        long[] c = byHazard.get(hazardClass);
        return unlisted + (c == null ? 0 : c[0]);
    }

    public long failed(String hazardClass) {
        long[] c = byHazard.get(hazardClass);
        return c == null ? 0 : c[1];
    }

    public boolean isEmpty() {
        return unlisted == 0 && byHazard.isEmpty() && failures.isEmpty();
    }
}
