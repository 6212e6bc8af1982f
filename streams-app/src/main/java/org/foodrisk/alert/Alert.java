package org.foodrisk.alert;

import org.foodrisk.detect.AlertLevel;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.DetectorNumbers;
import org.foodrisk.detect.Evidence;
import org.foodrisk.plan.PlanTaskRef;

import java.time.OffsetDateTime;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import org.foodrisk.detect.CountSeriesKey;
import org.foodrisk.detect.Judgement;
import org.foodrisk.ingest.BoundedText;

/**
 * One version of a risk alert, exactly the contract's foodrisk.alerts.v1 value, plus optional
 * fields the contract allows us to add: {@code headline} (what happened, in one Chinese
 * sentence), {@code dedupKey} (what makes two detections the same risk), {@code foodName},
 * {@code substance}, {@code detections} (how many times detectors have reported this risk) and
 * {@code handling} (assignment, deadlines, overdue marks and the action log) and {@code history}
 * (one line per version: what changed) and {@code judgement} (for alerts on a closed day or week: whether
 * this verdict is the first, raised late, updated or withdrawn on late reports, and how complete the
 * period's data was — {@link org.foodrisk.detect.Judgement}).
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
        List<VersionNote> history,
        Judgement judgement) {

    static final int MAX_HISTORY = AlertBounds.MAX_HISTORY;

    public Alert {
        headline = BoundedText.abbreviated(headline, AlertBounds.MAX_HEADLINE_CHARS);
        handling = handling == null ? Handling.none() : handling;
        history = history == null ? List.of() : List.copyOf(history);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        planTasks = planTasks == null ? List.of() : List.copyOf(planTasks);
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
    }

    /** The same alert as its next version, with other status and handling. */
    /**
     * The illness syndrome whose series a count aberration was judged on (胃肠道 …), else absent: read from
     * the risk's identity by the one class that writes it, so that readers (the dashboard's chart) need not
     * parse {@code dedupKey}. Derived, not stored: every alert carries it, also those written before it.
     */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "syndrome", access = JsonProperty.Access.READ_ONLY)
    public String syndrome() {
        return CountSeriesKey.syndromeOf(dedupKey).orElse(null);
    }

    Alert next(AlertStatus newStatus, Handling newHandling, OffsetDateTime now) {
        return new Alert(alertId, version + 1, newStatus, level, levelName, kind, headline, districtCode, districtName,
                foodCategory, foodName, hazard, substance, enterprise, window, detector, evidence, planTasks,
                recommendedActions, firstDetectedAt, now, dedupKey, detections, newHandling, history, judgement);
    }

    /**
     * The next version after late reports withdrew the verdict this alert stands on: closed when no
     * one has taken it up yet (待处置), left to its unit otherwise (the unit may have found more than
     * the count showed); either way the judgement says 撤回.
     */
    Alert withdrawn(Judgement withdrawal, OffsetDateTime now) {
        boolean untouched = status == AlertStatus.OPEN && handling.actions().isEmpty();
        Handling newHandling = untouched
                ? new Handling(handling.assignedUnit(), handling.acknowledgedAt(), now, "撤回：迟到报告复核后不再超出预警阈值",
                        handling.deadlines(), handling.actions(), handling.shared(), handling.verdict())
                : handling;
        return new Alert(alertId, version + 1, untouched ? AlertStatus.CLOSED : status, level, levelName, kind, headline,
                districtCode, districtName, foodCategory, foodName, hazard, substance, enterprise, window, detector,
                evidence, planTasks, recommendedActions, firstDetectedAt, now, dedupKey, detections, newHandling, history,
                withdrawal);
    }

    /** This version with a line in the version history saying what changed. */
    public Alert noted(String change) {
        List<VersionNote> notes = new ArrayList<>(history);
        notes.add(new VersionNote(version, updatedAt, status, level, change));
        notes = NewestWithinBudget.of(notes, MAX_HISTORY, AlertBounds.MAX_HISTORY_BYTES);
        return new Alert(alertId, version, status, level, levelName, kind, headline, districtCode, districtName,
                foodCategory, foodName, hazard, substance, enterprise, window, detector, evidence, planTasks,
                recommendedActions, firstDetectedAt, updatedAt, dedupKey, detections, handling, notes, judgement);
    }

    /** One line of an alert's version history; the change is named by a unit and a person, so it is bounded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VersionNote(int version, OffsetDateTime at, AlertStatus status, AlertLevel level, String change) {

        public VersionNote {
            change = BoundedText.abbreviated(change, AlertBounds.MAX_HISTORY_CHANGE_CHARS);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(OffsetDateTime start, OffsetDateTime end) {
    }
}
