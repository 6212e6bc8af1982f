package org.foodrisk.query;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.Map;

/**
 * One day of one signal type in one district × category, as served by
 * {@code GET /api/v1/daily-counts}: the count, failures (sampling) or rumours (opinion), the summed
 * weight (reach for opinion) and, for sampling, the count by commissioning agency and the day's part in
 * each plan target ({@code targets}: {@code [counted, failed, unplaced]} by target key; {@code tallied}
 * results were tallied so — an instance of an older version sends neither).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DayCountEntry(String type, String districtCode, String foodCategory, LocalDate day, long count,
                            long failed, long weight, Map<String, Long> agencies, Map<String, long[]> targets,
                            long tallied) {

    public DayCountEntry {
        agencies = agencies == null ? Map.of() : agencies;
        targets = targets == null ? Map.of() : targets;
    }
}
