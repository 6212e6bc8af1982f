package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
        List<String> taskIds,
        Judgement judgement,
        String setting) {

    /**
     * A detection with its verdict and no setting. {@code setting} (issue 15) is where one kitchen feeds
     * many — an exposure place's type such as 学校食堂, 集体用餐单位, 农村集体聚餐 — and routes the alert to the
     * plan's clause for that setting (校园食品安全 with 区教育局).
     */
    public Detection(String kind, String dedupKey, AlertLevel level, SignalType signalType, String districtCode,
                     String districtName, String foodCategory, String foodName, String hazard, String substance,
                     String stage, EnterpriseRef enterprise, OffsetDateTime windowStart, OffsetDateTime windowEnd,
                     DetectorNumbers detector, List<Evidence> evidence, String headline,
                     List<String> recommendedActions, List<String> taskIds, Judgement judgement) {
        this(kind, dedupKey, level, signalType, districtCode, districtName, foodCategory, foodName, hazard, substance,
                stage, enterprise, windowStart, windowEnd, detector, evidence, headline, recommendedActions, taskIds,
                judgement, null);
    }

    /** A detection judged on arrival of its record (no period verdict to qualify). */
    public Detection(String kind, String dedupKey, AlertLevel level, SignalType signalType, String districtCode,
                     String districtName, String foodCategory, String foodName, String hazard, String substance,
                     String stage, EnterpriseRef enterprise, OffsetDateTime windowStart, OffsetDateTime windowEnd,
                     DetectorNumbers detector, List<Evidence> evidence, String headline,
                     List<String> recommendedActions, List<String> taskIds) {
        this(kind, dedupKey, level, signalType, districtCode, districtName, foodCategory, foodName, hazard, substance,
                stage, enterprise, windowStart, windowEnd, detector, evidence, headline, recommendedActions, taskIds,
                null);
    }

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

    /** This detection with the verdict's circumstances (a closed period's count detectors). */
    public Detection judged(Judgement newJudgement) {
        return new Detection(kind, dedupKey, level, signalType, districtCode, districtName, foodCategory, foodName, hazard,
                substance, stage, enterprise, windowStart, windowEnd, detector, evidence, headline, recommendedActions,
                taskIds, newJudgement, setting);
    }

    /** This detection about a place of the given setting (an exposure place's type). */
    public Detection withSetting(String newSetting) {
        return new Detection(kind, dedupKey, level, signalType, districtCode, districtName, foodCategory, foodName, hazard,
                substance, stage, enterprise, windowStart, windowEnd, detector, evidence, headline, recommendedActions,
                taskIds, judgement, newSetting);
    }

    /**
     * An earlier alarm of {@code dedupKey} for the period [{@code start}, {@code end}) that late reports or
     * corrections have turned into no alarm. It carries no level of its own (BLUE, which never raises one).
     */
    public static Detection withdrawal(String kind, String dedupKey, SignalType signalType, OffsetDateTime start,
                                       OffsetDateTime end, String headline, Judgement judgement) {
        return new Detection(kind, dedupKey, AlertLevel.BLUE, signalType, null, null, null, null, null, null, null, null,
                start, end, null, List.of(), headline, List.of(), null, judgement.as(Judgement.WITHDRAWN));
    }

    public boolean isWithdrawal() {
        return judgement != null && judgement.withdrawn();
    }

    /** The business an alert is about (contract: enterprise). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnterpriseRef(String name, String creditCode, String key) {
    }
}
