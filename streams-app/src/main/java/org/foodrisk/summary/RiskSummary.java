package org.foodrisk.summary;

import org.foodrisk.plan.TargetProgress;
import java.util.List;
import java.util.Map;
import org.foodrisk.disposal.DisposalStanding;

/**
 * A 会商 summary of one district and one period (contract: foodrisk.risk-summaries.v1, key
 * {@code <districtCode>|<period>}), with the {@code markdown} a meeting reads as it is, and — when the
 * summary was built with the district's 核查处置 cases — their standing for the year up to the period's end
 * ({@code disposal}: per unit and for the district's plan, with the plan's own targets; issue 15).
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
        DisposalStanding disposal) {

    public record TopRisk(String alertId, String level, String levelName, String kind, String headline, String status,
                          int evidence, List<String> evidenceLines, List<String> responsibleTasks) {
    }

    public record UnitAccountability(String unit, int received, int closed, int closedInTime, Double handlingRate,
                                     Double onTimeRate) {
    }
}
