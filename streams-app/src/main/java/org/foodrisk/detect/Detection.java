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
 *
 * <p>Rules build one by name: {@code Detection.of(kind, dedupKey, level, signalType).district(code, name)
 * .food(category, name) … .headline(text).build()}; what a rule does not name stays null (its lists empty).
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

    /**
     * An earlier alarm of {@code dedupKey} for the period [{@code start}, {@code end}) that late reports or
     * corrections have turned into no alarm. It carries no level of its own (BLUE, which never raises one).
     */
    public static Detection withdrawal(String kind, String dedupKey, SignalType signalType, OffsetDateTime start,
                                       OffsetDateTime end, String headline, Judgement judgement) {
        return of(kind, dedupKey, AlertLevel.BLUE, signalType).window(start, end).headline(headline)
                .judgement(judgement.as(Judgement.WITHDRAWN)).build();
    }

    public boolean isWithdrawal() {
        return judgement != null && judgement.withdrawn();
    }

    /** A detection of {@code kind} about the risk {@code dedupKey}: name the rest, then {@link Builder#build()}. */
    public static Builder of(String kind, String dedupKey, AlertLevel level, SignalType signalType) {
        return new Builder(kind, dedupKey, level, signalType);
    }

    /**
     * Names the components of a {@link Detection}, grouped as the alert reads them (where, what food, what
     * hazard, when, the detector's numbers, the words). Each setter replaces what it names; lists left unset
     * become empty.
     */
    public static final class Builder {
        private final String kind;
        private final String dedupKey;
        private final AlertLevel level;
        private final SignalType signalType;
        private String districtCode;
        private String districtName;
        private String foodCategory;
        private String foodName;
        private String hazard;
        private String substance;
        private String stage;
        private EnterpriseRef enterprise;
        private OffsetDateTime windowStart;
        private OffsetDateTime windowEnd;
        private DetectorNumbers detector;
        private List<Evidence> evidence;
        private String headline;
        private List<String> recommendedActions;
        private List<String> taskIds;
        private Judgement judgement;
        private String setting;

        private Builder(String kind, String dedupKey, AlertLevel level, SignalType signalType) {
            this.kind = kind;
            this.dedupKey = dedupKey;
            this.level = level;
            this.signalType = signalType;
        }

        /** The district's code (null when the record named none that is known) and name. */
        public Builder district(String code, String name) {
            this.districtCode = code;
            this.districtName = name;
            return this;
        }

        /** The food category (食品大类) and, when known, the food itself. */
        public Builder food(String category, String name) {
            this.foodCategory = category;
            this.foodName = name;
            return this;
        }

        /** The hazard class (e.g. 农药残留) and the substance found. */
        public Builder hazard(String hazardClass, String substanceFound) {
            this.hazard = hazardClass;
            this.substance = substanceFound;
            return this;
        }

        /** The stage of the food chain the sample was taken at (种植养殖, 生产, 流通, 餐饮 …). */
        public Builder stage(String foodChainStage) {
            this.stage = foodChainStage;
            return this;
        }

        public Builder enterprise(EnterpriseRef ref) {
            this.enterprise = ref;
            return this;
        }

        /** The time the detection covers: one record's event time twice, or a period [start, end). */
        public Builder window(OffsetDateTime start, OffsetDateTime end) {
            this.windowStart = start;
            this.windowEnd = end;
            return this;
        }

        public Builder detector(DetectorNumbers numbers) {
            this.detector = numbers;
            return this;
        }

        public Builder evidence(List<Evidence> lines) {
            this.evidence = lines;
            return this;
        }

        public Builder headline(String text) {
            this.headline = text;
            return this;
        }

        public Builder recommendedActions(List<String> actions) {
            this.recommendedActions = actions;
            return this;
        }

        /** The responsible plan tasks themselves, bypassing routing (a plan target names the task that set it). */
        public Builder taskIds(List<String> ids) {
            this.taskIds = ids;
            return this;
        }

        /** The verdict's circumstances (a closed period's count detectors). */
        public Builder judgement(Judgement verdict) {
            this.judgement = verdict;
            return this;
        }

        /**
         * Where one kitchen feeds many (issue 15) — an exposure place's type such as 学校食堂, 集体用餐单位,
         * 农村集体聚餐 — routes the alert to the plan's clause for that setting (校园食品安全 with 区教育局).
         */
        public Builder setting(String placeType) {
            this.setting = placeType;
            return this;
        }

        public Detection build() {
            return new Detection(kind, dedupKey, level, signalType, districtCode, districtName, foodCategory, foodName,
                    hazard, substance, stage, enterprise, windowStart, windowEnd, detector, evidence, headline,
                    recommendedActions, taskIds, judgement, setting);
        }
    }

    /** The business an alert is about (contract: enterprise). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnterpriseRef(String name, String creditCode, String key) {
    }
}
