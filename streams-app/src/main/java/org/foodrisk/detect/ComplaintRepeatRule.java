package org.foodrisk.detect;

import org.foodrisk.ingest.SignalType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code complaint.repeat-enterprise}: several complaints about the same business within a
 * window (default 2 within 30 days). Level: 2 BLUE, 3–4 YELLOW, 5 or more ORANGE — complaints
 * are unverified, so they start lower than lab findings; fusion with other streams raises them.
 */
public final class ComplaintRepeatRule {

    public static final String KIND = "complaint.repeat-enterprise";

    private final Duration window;
    private final int minComplaints;
    private final LevelPolicy levels;

    public ComplaintRepeatRule(Duration window, int minComplaints) {
        this(window, minComplaints, LevelPolicy.defaults());
    }

    public ComplaintRepeatRule(Duration window, int minComplaints, LevelPolicy levels) {
        this.window = window;
        this.minComplaints = minComplaints;
        this.levels = levels;
    }

    public Optional<Detection> evaluate(String enterpriseKey, String enterpriseName, CaseHistory history,
                                        CaseHistory.Case latest) {
        List<CaseHistory.Case> near = history.cases().stream()
                .filter(c -> Duration.between(c.at(), latest.at()).abs().compareTo(window) <= 0).toList();
        if (near.size() < minComplaints) {
            return Optional.empty();
        }
        int n = near.size();
        // A complaint may not say where (its text named no district); another about the same
        // business usually does.
        CaseHistory.Case located = latest.districtCode() != null ? latest
                : near.stream().filter(c -> c.districtCode() != null).reduce((a, b) -> b).orElse(latest);
        AlertLevel level = levels.repeatComplaints(n);
        String name = enterpriseName == null ? enterpriseKey : enterpriseName;
        DetectorNumbers numbers = new DetectorNumbers("repeat-complaint-rule", (double) n, null, (double) minComplaints,
                null, null, "规则：同一经营主体" + window.toDays() + "天内被投诉举报≥" + minComplaints + "次");
        List<Evidence> evidence = near.stream().map(c -> new Evidence("complaint", c.id(), c.at(), c.summary())).toList();
        return Optional.of(Detection.of(KIND, KIND + "|" + enterpriseKey, level, SignalType.COMPLAINT)
                .district(located.districtCode(), located.districtName())
                .food(latest.foodCategory(), latest.foodName())
                .enterprise(new Detection.EnterpriseRef(enterpriseName, CriticalHazardRule.creditCodeOf(enterpriseKey),
                        enterpriseKey))
                .window(near.get(0).at(), near.get(n - 1).at())
                .detector(numbers)
                .evidence(evidence)
                .headline(name + "在" + window.toDays() + "天内被投诉举报" + n + "次")
                .recommendedActions(List.of("对" + name + "开展监督检查，核实投诉举报内容", "对涉及产品开展抽检",
                        "依法处理并按时限答复投诉举报人"))
                .build());
    }
}
