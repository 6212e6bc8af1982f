package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.alert.AlertLevel;
import org.foodrisk.ingest.SignalType;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a detector found, before it becomes (or updates) an alert. {@code dedupKey} names the
 * risk: every detection with the same key is the same alert, so a detector may report the same
 * risk as often as it sees it without causing an alert storm. {@code taskIds}, when given, are
 * the responsible plan tasks themselves (a plan target names the task that set it), bypassing
 * routing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Detection(
        String kind,
        String dedupKey,
        AlertLevel level,
        SignalType signalType,
        String districtCode,
        String districtName,
        String foodCategory,
        String foodName,
        String hazard,
        String substance,
        String stage,
        EnterpriseRef enterprise,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd,
        DetectorNumbers detector,
        List<Evidence> evidence,
        String headline,
        List<String> recommendedActions,
        List<String> taskIds) {

    /** A detection whose responsible tasks routing decides (every detector but plan targets). */
    public Detection(String kind, String dedupKey, AlertLevel level, SignalType signalType, String districtCode,
                     String districtName, String foodCategory, String foodName, String hazard, String substance,
                     String stage, EnterpriseRef enterprise, OffsetDateTime windowStart, OffsetDateTime windowEnd,
                     DetectorNumbers detector, List<Evidence> evidence, String headline,
                     List<String> recommendedActions) {
        this(kind, dedupKey, level, signalType, districtCode, districtName, foodCategory, foodName, hazard, substance,
                stage, enterprise, windowStart, windowEnd, detector, evidence, headline, recommendedActions, null);
    }

    public Detection {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
    }

    /** The business an alert is about (contract: enterprise). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnterpriseRef(String name, String creditCode, String key) {
    }
}
