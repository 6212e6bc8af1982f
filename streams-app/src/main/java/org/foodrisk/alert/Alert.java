package org.foodrisk.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.DetectorNumbers;
import org.foodrisk.detect.Evidence;
import org.foodrisk.plan.PlanTaskRef;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of a risk alert, exactly the contract's foodrisk.alerts.v1 value, plus optional
 * fields the contract allows us to add: {@code headline} (what happened, in one Chinese
 * sentence), {@code dedupKey} (what makes two detections the same risk), {@code foodName},
 * {@code substance}, {@code detections} (how many times detectors have reported this risk) and
 * {@code handling} (assignment, deadlines, overdue marks and the action log).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        String alertId,
        int version,
        AlertStatus status,
        AlertLevel level,
        String levelName,
        String kind,
        String headline,
        String districtCode,
        String districtName,
        String foodCategory,
        String foodName,
        String hazard,
        String substance,
        Detection.EnterpriseRef enterprise,
        Window window,
        DetectorNumbers detector,
        List<Evidence> evidence,
        List<PlanTaskRef> planTasks,
        List<String> recommendedActions,
        OffsetDateTime firstDetectedAt,
        OffsetDateTime updatedAt,
        String dedupKey,
        int detections,
        Handling handling) {

    public Alert {
        handling = handling == null ? Handling.none() : handling;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        planTasks = planTasks == null ? List.of() : List.copyOf(planTasks);
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
    }

    /** The same alert as its next version, with other status and handling. */
    Alert next(AlertStatus newStatus, Handling newHandling, OffsetDateTime now) {
        return new Alert(alertId, version + 1, newStatus, level, levelName, kind, headline, districtCode, districtName,
                foodCategory, foodName, hazard, substance, enterprise, window, detector, evidence, planTasks,
                recommendedActions, firstDetectedAt, now, dedupKey, detections, newHandling);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(OffsetDateTime start, OffsetDateTime end) {
    }
}
