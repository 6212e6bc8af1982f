package org.foodrisk.summary;

import org.foodrisk.plan.TargetProgress;
import java.util.List;
import java.util.Map;
import org.foodrisk.disposal.DisposalStanding;

/**
 * A 会商 summary of one district and one period (contract: foodrisk.risk-summaries.v1, key
 * {@code <districtCode>|<period>}), with the {@code markdown} a meeting reads as it is, and — when the
 * summary was built with the district's 核查处置 cases — their standing for the year up to the period's end
 * ({@code disposal}: per unit and for the district's plan, with the plan's own targets; issue 15), and — when
 * built with the district's 会商 records — what became of the meetings' decisions ({@code decisions}; issue 20).
 */
public record RiskSummary(
        String districtCode,
        String districtName,
        String period,
        String periodStart,
        String periodEnd,
        int newAlerts,
        int previousPeriodNewAlerts,
        Map<String, Integer> byLevel,
        Map<String, Integer> byKind,
        Map<String, Integer> byCategory,
        Map<String, Integer> byUnit,
        List<TopRisk> topRisks,
        Map<String, List<String>> openByUnit,
        Map<String, Integer> overdueByUnit,
        List<UnitAccountability> accountability,
        List<TargetProgress> planProgress,
        String markdown,
        DisposalStanding disposal,
        List<DecisionFollowUp> decisions) {

    /**
     * A 会商 decision as the summary follows it (section 七, issue 20): decided in an earlier meeting and still open
     * or done in this period, or decided in this period's meeting ({@code thisPeriod}).
     *
     * @param overdue   not 已落实 and past its due date as of the period's end (or today, for the current period)
     * @param latest    the unit's latest report, or null
     */
    public record DecisionFollowUp(String consultationId, String meeting, String heldAt, String decisionId, String text,
                                   String unit, String dueBy, String state, boolean overdue, String latest,
                                   String doneAt, boolean thisPeriod) {
    }

    /** This summary with section 七 (the 会商 decisions) appended to its markdown and listed. */
    public RiskSummary withDecisions(List<DecisionFollowUp> followUps, String sectionMarkdown) {
        return new RiskSummary(districtCode, districtName, period, periodStart, periodEnd, newAlerts,
                previousPeriodNewAlerts, byLevel, byKind, byCategory, byUnit, topRisks, openByUnit, overdueByUnit,
                accountability, planProgress, markdown + sectionMarkdown, disposal, List.copyOf(followUps));
    }

    public record TopRisk(String alertId, String level, String levelName, String kind, String headline, String status,
                          int evidence, List<String> evidenceLines, List<String> responsibleTasks) {
    }

    public record UnitAccountability(String unit, int received, int closed, int closedInTime, Double handlingRate,
                                     Double onTimeRate) {
    }
}
