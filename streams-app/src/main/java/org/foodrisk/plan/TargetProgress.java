package org.foodrisk.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Progress against one quantitative plan target as of a date: the value reached, the annual
 * target, and the target pro-rated to the date (straight-line over the year).
 *
 * @param proRated    the target pro-rated to the date (for rates: the target); null when not measurable
 * @param reached     the value reached; null when the target is not measurable from the data the service
 *                    receives (never a 0 that reads as "nothing done")
 * @param onTrack     reached ≥ pro-rated target (for rates: reached ≥ target, and ≤ the upper bound of a
 *                    range); null when the target cannot be judged, with the reason in {@code note}
 * @param note        why a target is not judged (e.g. results without an agency), else null
 * @param upperTarget the upper bound of a target written as a range (1至2家, 97%–98%), else null
 * @param counted     what the target counts (e.g. 区农委委托、食用农产品、快检、生鲜乳), or 不可统计
 * @param measurable  false when the data the service receives cannot say it (农药产品抽检: food results only)
 * @param planNote    set when the plan is not the district's own plan for the year (蓟州 2024 → 2018 plan)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TargetProgress(String taskId, String taskNumber, String metric, String scope, String agency,
                             double target, String unit, Double proRated, Double reached, Boolean onTrack,
                             String asWritten, String note, Double upperTarget, String counted, Boolean measurable,
                             String planNote) {

    @JsonCreator
    public TargetProgress {
        measurable = measurable == null ? Boolean.TRUE : measurable;
    }

    /** A measurable target judged or not (the shape before issue 15). */
    public TargetProgress(String taskId, String taskNumber, String metric, String scope, String agency,
                          double target, String unit, double proRated, double reached, Boolean onTrack,
                          String asWritten, String note) {
        this(taskId, taskNumber, metric, scope, agency, target, unit, proRated, reached, onTrack, asWritten, note,
                null, null, true, null);
    }

    public boolean judged() {
        return onTrack != null;
    }

    public boolean behind() {
        return onTrack != null && !onTrack;
    }
}
