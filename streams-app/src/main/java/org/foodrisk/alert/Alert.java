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
 * {@code handling} (assignment, deadlines, overdue marks and the action log) and {@code history}
 * (one line per version: what changed).
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
        Handling handling,
        List<VersionNote> history) {

    static final int MAX_HISTORY = 200;

    public Alert {
        handling = handling == null ? Handling.none() : handling;
        history = history == null ? List.of() : List.copyOf(history);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        planTasks = planTasks == null ? List.of() : List.copyOf(planTasks);
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
    }

    /** The same alert as its next version, with other status and handling. */
    Alert next(AlertStatus newStatus, Handling newHandling, OffsetDateTime now) {
        return new Alert(alertId, version + 1, newStatus, level, levelName, kind, headline, districtCode, districtName,
                foodCategory, foodName, hazard, substance, enterprise, window, detector, evidence, planTasks,
                recommendedActions, firstDetectedAt, now, dedupKey, detections, newHandling, history);
    }

    /** This version with a line in the version history saying what changed. */
    public Alert noted(String change) {
        List<VersionNote> notes = new java.util.ArrayList<>(history);
        notes.add(new VersionNote(version, updatedAt, status, level, change));
        if (notes.size() > MAX_HISTORY) {
            notes = notes.subList(notes.size() - MAX_HISTORY, notes.size());
        }
        return new Alert(alertId, version, status, level, levelName, kind, headline, districtCode, districtName,
                foodCategory, foodName, hazard, substance, enterprise, window, detector, evidence, planTasks,
                recommendedActions, firstDetectedAt, updatedAt, dedupKey, detections, handling, notes);
    }

    /** One line of an alert's version history. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VersionNote(int version, OffsetDateTime at, AlertStatus status, AlertLevel level, String change) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(OffsetDateTime start, OffsetDateTime end) {
    }
}
