package org.foodrisk.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * One day of one signal type in one district × category, as served by
 * {@code GET /api/v1/daily-counts}: the count, failures (sampling) or rumours (opinion), the summed
 * weight (reach for opinion) and, for sampling, the count by commissioning agency.
 */
public record DayCountEntry(String type, String districtCode, String foodCategory, LocalDate day, long count,
                            long failed, long weight, Map<String, Long> agencies) {
}
