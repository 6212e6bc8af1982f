package org.foodrisk.summary;

/**
 * Progress against one quantitative plan target as of a date: the value reached, the annual
 * target, and the target pro-rated to the date (straight-line over the year).
 *
 * @param onTrack reached ≥ pro-rated target (for rates: reached ≥ target)
 */
public record TargetProgress(String taskId, String taskNumber, String metric, String scope, String agency,
                             double target, String unit, double proRated, double reached, boolean onTrack,
                             String asWritten) {
}
