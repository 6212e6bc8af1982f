package org.foodrisk.summary;

import org.foodrisk.detect.AlertLevel;
import org.foodrisk.disposal.DisposalRates;
import org.foodrisk.disposal.DisposalStanding;
import org.foodrisk.encode.Markdown;
import org.foodrisk.plan.TargetProgress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The sections of a city (or region) summary that a district's summary already holds for one district (issue 20:
 * "the same sections as the district summary"), gathered from the districts' own summaries so that the city reads
 * the very figures each district reads:
 * <ul>
 *   <li>六、重点风险: the period's most severe risks of all the districts together (each district's top risks, by
 *       level, then evidence, then id), with the district and its responsible tasks;</li>
 *   <li>七、各区计划进展与核查处置: per district, its plan targets on track, behind or not measurable (section 五 of
 *       its summary), its 核查处置率 and 按时完成率 for the year (section 六), and its 会商 decisions not yet done
 *       (section 七).</li>
 * </ul>
 */
public final class CityDistrictSections {

    /** How many of the city's top risks the summary lists. */
    static final int TOP = 10;

    private CityDistrictSections() {
    }

    /** The city summary with sections 六 and 七 appended from its districts' summaries. */
    public static CitySummary append(CitySummary city, List<RiskSummary> districts) {
        List<CitySummary.CityRisk> top = topRisks(districts);
        List<CitySummary.DistrictWork> work = districts.stream().map(CityDistrictSections::work).toList();
        return city.withDistrictSections(top, work, markdown(top, work));
    }

    private static List<CitySummary.CityRisk> topRisks(List<RiskSummary> districts) {
        List<CitySummary.CityRisk> all = new ArrayList<>();
        for (RiskSummary district : districts) {
            district.topRisks().forEach(risk -> all.add(new CitySummary.CityRisk(district.districtCode(),
                    district.districtName(), risk)));
        }
        all.sort(Comparator.comparingInt((CitySummary.CityRisk r) -> rank(r.risk().level())).reversed()
                .thenComparing(Comparator.comparingInt((CitySummary.CityRisk r) -> r.risk().evidence()).reversed())
                .thenComparing(r -> r.risk().alertId()));
        return List.copyOf(all.subList(0, Math.min(TOP, all.size())));
    }

    private static int rank(String level) {
        try {
            return AlertLevel.valueOf(level).ordinal();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return -1;
        }
    }

    private static CitySummary.DistrictWork work(RiskSummary district) {
        int onTrack = 0;
        int behind = 0;
        int unmeasurable = 0;
        for (TargetProgress target : district.planProgress()) {
            if (Boolean.FALSE.equals(target.measurable())) {
                unmeasurable++;
            } else if (Boolean.TRUE.equals(target.onTrack())) {
                onTrack++;
            } else if (Boolean.FALSE.equals(target.onTrack())) {
                behind++;
            }
        }
        DisposalRates rates = planRates(district.disposal());
        int openDecisions = district.decisions() == null ? 0 : (int) district.decisions().stream()
                .filter(d -> !"已落实".equals(d.state())).count();
        return new CitySummary.DistrictWork(district.districtCode(), district.districtName(), onTrack, behind,
                unmeasurable, rates == null ? 0 : rates.received(), rates == null ? null : rates.handlingRate(),
                rates == null ? null : rates.onTimeRate(), openDecisions);
    }

    /** The district's plan row of its 核查处置 standing (all its units together), or null. */
    private static DisposalRates planRates(DisposalStanding standing) {
        if (standing == null || standing.byPlan().isEmpty()) {
            return null;
        }
        return standing.byPlan().get(0).rates();
    }

    private static String markdown(List<CitySummary.CityRisk> top, List<CitySummary.DistrictWork> work) {
        StringBuilder md = new StringBuilder("\n## 六、重点风险（各区合并，按级别）\n\n");
        if (top.isEmpty()) {
            md.append("本期各区无新发预警。\n");
        }
        int i = 1;
        for (CitySummary.CityRisk r : top) {
            md.append(i++).append(". **[").append(r.risk().levelName()).append("] ")
                    .append(Markdown.inline(r.risk().headline())).append("**（").append(Markdown.inline(r.districtName()))
                    .append("，").append(r.risk().alertId()).append("，").append(r.risk().status()).append("，证据 ")
                    .append(r.risk().evidence()).append(" 条）\n");
            for (String task : r.risk().responsibleTasks()) {
                md.append("   - 责任任务：").append(Markdown.inline(task)).append("\n");
            }
        }
        md.append("\n## 七、各区计划进展与核查处置（计划目标按进度；核查处置为本年截至期末）\n\n")
                .append("| 区 | 目标正常 | 目标滞后 | 不可统计 | 核查处置（件） | 核查处置率 | 按时完成率 | 未落实会商决定 |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (CitySummary.DistrictWork w : work) {
            md.append("| ").append(Markdown.inline(w.districtName())).append(" | ").append(w.targetsOnTrack()).append(" | ")
                    .append(w.targetsBehind()).append(" | ").append(w.targetsUnmeasurable()).append(" | ")
                    .append(w.disposalCases()).append(" | ").append(percent(w.handlingRate())).append(" | ")
                    .append(percent(w.onTimeRate())).append(" | ").append(w.openDecisions()).append(" |\n");
        }
        return md.toString();
    }

    private static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
