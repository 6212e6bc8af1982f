package org.foodrisk.summary;

/**
 * Progress against one quantitative plan target as of a date: the value reached, the annual
 * target, and the target pro-rated to the date (straight-line over the year).
 *
 * @param onTrack reached ≥ pro-rated target (for rates: reached ≥ target); null when the target
 *                cannot be judged yet, with the reason in {@code note}
 * @param note    why a target is not judged (e.g. results without an agency), else null
 */
public record TargetProgress(String taskId, String taskNumber, String metric, String scope, String agency,
                             double target, String unit, double proRated, double reached, Boolean onTrack,
                             String asWritten, String note) {

    public boolean judged() {
        return onTrack != null;
    }

    public boolean behind() {
        return onTrack != null && !onTrack;
    }
}
